using Microsoft.DurableTask;
using SithSynth.Domain.Rendering;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>Renders a stored score as MusicXML beside it and returns the new blob's name.</summary>
public sealed class RenderMusicXmlActivity(IArtifactStore store) : TaskActivity<RenderWork, string>
{
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

        await store.SaveAsync(musicXml, MusicXmlWriter.ToBytes(MusicXmlWriter.Write(score.ToSheet(), score.Title, layout: layout))).ConfigureAwait(false);
        return musicXml.Value;
    }
}
