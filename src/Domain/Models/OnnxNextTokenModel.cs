using Microsoft.ML.OnnxRuntime;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Models;

/// <summary>
/// Runs a model card's encoder and step decoder with ONNX Runtime. The two sessions are created once and shared:
/// ONNX Runtime's Run is thread-safe, and every sheet gets its own <see cref="OnnxNextTokenSession"/> holding its
/// state and reusable buffers.
/// </summary>
public sealed class OnnxNextTokenModel : INextTokenModel, IDisposable
{
    private readonly InferenceSession _encoder;
    private readonly InferenceSession _decoder;

    public OnnxNextTokenModel(ModelCard card, OnnxModelOptions? options = null)
    {
        Card = card;
        options ??= new OnnxModelOptions();
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        try
        {
            _encoder = new InferenceSession(card.EncoderPath, sessionOptions);
            _decoder = new InferenceSession(card.DecoderPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            _encoder?.Dispose();
            throw new ModelCardException(card.Directory, [$"ONNX Runtime cannot load the model files ({e.Message})"]);
        }

        CheckNames(card);
    }

    public ModelCard Card { get; }

    public string Name => Card.Name;

    public TokenVocabulary Tokens => Card.Tokens;

    public int OnsetResolution => Card.OnsetResolution;

    public int MaxOnset => Card.MaxOnset;

    public PlanTemplates? PlanTemplates => Card.PlanTemplates;

    internal InferenceSession Decoder => _decoder;

    public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => Start(Card.Conditions.Encode(bars), bars.Count);

    /// <summary>Starts from raw condition indexes (the card's four or five per bar), as parity fixtures and held-out data give them.</summary>
    internal INextTokenSession Start(long[] conditions, int bars)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(conditions, [1, bars, Card.Conditions.Features]);
        using var runOptions = new RunOptions();
        using var outputs = _encoder.Run(runOptions, [Card.Encoder.Conditions], [input], [Card.Encoder.Memory]);
        return new OnnxNextTokenSession(this, CopyOf(outputs[0]));
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    /// <summary>The encoder's memory outlives its Run results, so the session keeps its own copy.</summary>
    private static OrtValue CopyOf(OrtValue value)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        var data = value.GetTensorDataAsSpan<float>().ToArray();
        return OrtValue.CreateTensorValueFromMemory(data, shape);
    }

    private void CheckNames(ModelCard card)
    {
        var problems = new List<string>();
        void Require(IReadOnlyDictionary<string, NodeMetadata> actual, string name, string where)
        {
            if (!actual.ContainsKey(name))
            {
                problems.Add($"{where} has no tensor '{name}' (it has {string.Join(", ", actual.Keys)})");
            }
        }

        Require(_encoder.InputMetadata, card.Encoder.Conditions, "the encoder's inputs");
        Require(_encoder.OutputMetadata, card.Encoder.Memory, "the encoder's outputs");
        foreach (var name in new[] { card.Decoder.Token, card.Decoder.Bar, card.Decoder.Onset, card.Decoder.Memory }.Concat(card.Decoder.State.Select(s => s.Input)))
        {
            Require(_decoder.InputMetadata, name, "the decoder's inputs");
        }

        foreach (var name in card.Decoder.State.Select(s => s.Output).Prepend(card.Decoder.Logits))
        {
            Require(_decoder.OutputMetadata, name, "the decoder's outputs");
        }

        if (problems.Count > 0)
        {
            Dispose();
            throw new ModelCardException(card.Directory, problems);
        }
    }
}
