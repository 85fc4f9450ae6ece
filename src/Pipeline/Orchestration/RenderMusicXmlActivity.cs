using Microsoft.DurableTask;
using SithSynth.Domain.Rendering;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Renders a stored score as MusicXML beside it and returns the new blob's name. The rendering runs in a turn of
/// <see cref="InferenceTurns"/>, so a flood's renders do not crowd a small generation off the cores.
/// </summary>
public sealed class RenderMusicXmlActivity(IArtifactStore store, InferenceTurns? turns = null) : TaskActivity<RenderWork, string>
{
    private readonly InferenceTurns _turns = turns ?? InferenceTurns.Shared;

    public override Task<string> RunAsync(TaskActivityContext context, RenderWork input) => ExecuteAsync(input);

    /// <summary>The activity's work, for hosts that bind activities as functions (the Functions app) rather than register them.</summary>
    public async Task<string> ExecuteAsync(RenderWork input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scoreName = ArtifactName.Parse(input.Score);
        var score = ScoreDocument.Read(await store.ReadAsync(scoreName).ConfigureAwait(false));
        var musicXml = ArtifactName.Of(scoreName.GenerationId, scoreName.Variation!.Value, ArtifactKind.MusicXml);
        if (!SheetLayoutNames.TryParse(input.Layout ?? SheetLayoutNames.Piano, out var layout))
        {
            throw new InvalidDataException($"'{input.Layout}' is not a sheet layout.");
        }

        byte[] file;
        using (await _turns.EnterAsync(scoreName.GenerationId, input.Cost).ConfigureAwait(false))
        {
            file = MusicXmlWriter.ToBytes(MusicXmlWriter.Write(score.ToSheet(), score.Title, layout: layout));
        }

        await store.SaveAsync(musicXml, file).ConfigureAwait(false);
        return musicXml.Value;
    }
}
