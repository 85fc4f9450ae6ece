using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// A musical rule the decoder applies on top of the grammar and the ending: it may refuse tokens, and it hears every
/// token written (before the cursor moves past it). A rule that would refuse every allowed token gives way.
/// </summary>
public interface ITokenRule
{
    bool Allows(SheetCursor cursor, DecoderToken token);

    void Observe(SheetCursor cursor, DecoderToken token);
}
