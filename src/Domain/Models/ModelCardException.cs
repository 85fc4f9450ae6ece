namespace SithSynth.Domain.Models;

/// <summary>A model folder that cannot be used, with every reason found.</summary>
public sealed class ModelCardException : Exception
{
    public ModelCardException(string directory, IReadOnlyList<string> problems)
        : base($"The model in '{directory}' cannot be used: {string.Join("; ", problems)}.")
    {
        Problems = problems;
    }

    public ModelCardException()
    {
        Problems = [];
    }

    public ModelCardException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public ModelCardException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
