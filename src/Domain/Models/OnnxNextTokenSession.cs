using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SithSynth.Domain.Models;

/// <summary>
/// One sheet's decoder state. Token, bar and onset inputs live in pinned one-element arrays that every step
/// rewrites in place. Fixed-shape states (LSTM h/c) and the logits are written into buffers allocated once and
/// swapped between steps; a growing key/value cache has a new shape each step, so ONNX Runtime allocates it.
/// </summary>
internal sealed class OnnxNextTokenSession : INextTokenSession
{
    private readonly OnnxNextTokenModel _model;
    private readonly long[] _token = new long[1];
    private readonly long[] _bar = new long[1];
    private readonly long[] _onset = new long[1];
    private readonly OrtValue _tokenValue;
    private readonly OrtValue _barValue;
    private readonly OrtValue _onsetValue;
    private readonly OrtValue _memory;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputs;
    private readonly bool _fixedShapes;

    // Fixed shapes: logits buffer plus the next state buffers, which trade places with the inputs after each step.
    private readonly OrtValue[] _outputs;
    private IDisposableReadOnlyCollection<OrtValue>? _allocatedOutputs;

    // Every value this session allocated itself, whichever slot it sits in now.
    private readonly List<OrtValue> _owned = [];

    public OnnxNextTokenSession(OnnxNextTokenModel model, OrtValue memory)
    {
        _model = model;
        _memory = memory;
        _tokenValue = OrtValue.CreateTensorValueFromMemory(_token, [1]);
        _barValue = OrtValue.CreateTensorValueFromMemory(_bar, [1]);
        _onsetValue = OrtValue.CreateTensorValueFromMemory(_onset, [1]);

        var card = model.Card;
        var states = card.Decoder.State;
        _inputNames = [card.Decoder.Token, card.Decoder.Bar, card.Decoder.Onset, card.Decoder.Memory, .. states.Select(s => s.Input)];
        _outputNames = [card.Decoder.Logits, .. states.Select(s => s.Output)];
        _inputs = [_tokenValue, _barValue, _onsetValue, _memory, .. states.Select(s => Zeros(s.InitialShape))];
        _fixedShapes = !states.Any(s => s.Grows);
        _outputs = _fixedShapes
            ? [Zeros([1, card.Tokens.Count]), .. states.Select(s => Zeros(s.InitialShape))]
            : [];
    }

    public ReadOnlySpan<float> Advance(int token, long bar, long onset)
    {
        _token[0] = token;
        _bar[0] = bar;
        _onset[0] = onset;
        const int firstState = 4;
        if (_fixedShapes)
        {
            _model.Decoder.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
            for (var i = 1; i < _outputs.Length; i++)
            {
                (_inputs[firstState + i - 1], _outputs[i]) = (_outputs[i], _inputs[firstState + i - 1]);
            }

            return _outputs[0].GetTensorDataAsSpan<float>();
        }

        var previous = _allocatedOutputs;
        _allocatedOutputs = _model.Decoder.Run(_runOptions, _inputNames, _inputs, _outputNames);
        for (var i = 1; i < _allocatedOutputs.Count; i++)
        {
            _inputs[firstState + i - 1] = _allocatedOutputs[i];
        }

        previous?.Dispose();
        return _allocatedOutputs[0].GetTensorDataAsSpan<float>();
    }

    public void Dispose()
    {
        foreach (var value in _owned)
        {
            value.Dispose();
        }

        _allocatedOutputs?.Dispose();
        _tokenValue.Dispose();
        _barValue.Dispose();
        _onsetValue.Dispose();
        _memory.Dispose();
        _runOptions.Dispose();
    }

    private OrtValue Zeros(IReadOnlyList<long> shape)
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [.. shape]);
        value.GetTensorMutableDataAsSpan<float>().Clear();
        _owned.Add(value);
        return value;
    }
}
