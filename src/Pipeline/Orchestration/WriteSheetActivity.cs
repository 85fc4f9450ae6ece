using Microsoft.DurableTask;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Inference for one variation: runs the model (loaded once per process by the catalogue and shared), stores the score
/// for the render activities and the JSON report, and returns their names with the measured analysis. The variation's
/// seed is derived from the request seed, so a retry writes exactly the same sheet. The model runs in a turn of
/// <see cref="InferenceTurns"/> (the process's own unless given), so every generation gets its share of the cores.
/// </summary>
public sealed class WriteSheetActivity(ModelCatalog catalog, IArtifactStore store, InferenceTurns? turns = null) : TaskActivity<VariationWork, WrittenSheet>
{
    private readonly InferenceTurns _turns = turns ?? InferenceTurns.Shared;

    public override Task<WrittenSheet> RunAsync(TaskActivityContext context, VariationWork input) => ExecuteAsync(input);

    /// <summary>The activity's work, for hosts that bind activities as functions (the Functions app) rather than register them.</summary>
    public async Task<WrittenSheet> ExecuteAsync(VariationWork input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = SettledRequest.ToSpec(input.Request, catalog.Cards);
        var source = await SourceAsync(spec).ConfigureAwait(false);
        GeneratedSheet sheet;
        using (await _turns.EnterAsync(input.GenerationId, spec.Bars * spec.Variations).ConfigureAwait(false))
        {
            sheet = LeadSheetGenerator.Generate(spec, catalog.Model(spec.Model), input.Variation, source);
        }

        var variation = input.Variation + 1;

        var score = ArtifactName.Of(input.GenerationId, variation, ArtifactKind.Score);
        var report = ArtifactName.Of(input.GenerationId, variation, ArtifactKind.Report);
        await store.SaveAsync(score, ScoreDocument.From(sheet.Sheet, SheetFiles.Title(spec, sheet)).ToJson()).ConfigureAwait(false);
        await store.SaveAsync(report, SheetReport.ToJson(spec, sheet)).ConfigureAwait(false);
        return new WrittenSheet(variation, sheet.Seed, score.Value, report.Value, AnalysisSummary.Of(sheet.Analysis));
    }

    // The sheet whose bars a regeneration writes again: its stored score, exact to the event. Gone (its retention over)
    // is a failure no retry mends, said as such.
    private async Task<LeadSheet?> SourceAsync(GenerationSpec spec)
    {
        if (spec.Regenerate is not { Generation: { } generation } rewrite)
        {
            return null;
        }

        try
        {
            var score = await store.ReadAsync(ArtifactName.Of(generation, rewrite.Variation, ArtifactKind.Score)).ConfigureAwait(false);
            return ScoreDocument.Read(score).ToSheet();
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidDataException($"The sheet of generation '{generation}', variation {rewrite.Variation}, is no longer kept, so its bars cannot be rewritten.", e);
        }
    }
}
