namespace SithSynth.Domain.Corpus;

/// <summary>Which file a piece's sequences go to. Test pieces are never trained on.</summary>
public enum CorpusSplit
{
    Train,
    Valid,
    Test,
}
