namespace SithSynth.Domain.Models;

/// <summary>One sheet being written: the model's state after the tokens fed so far.</summary>
public interface INextTokenSession : IDisposable
{
    /// <summary>
    /// Feeds <paramref name="token"/> and returns the logits for the token after it, which will stand in bar
    /// <paramref name="bar"/> at <paramref name="onset"/>. The span is valid until the next call.
    /// </summary>
    ReadOnlySpan<float> Advance(int token, long bar, long onset);
}
