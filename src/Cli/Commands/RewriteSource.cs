using System.CommandLine;
using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Requests;

namespace SithSynth.Cli.Commands;

/// <summary>
/// The sheet <c>--regenerate</c> rewrites, read from the <c>--source</c> MusicXML with the model's tokens. Its meter, key
/// and length become the request's where the command line leaves them out, and must be the request's where it gives them.
/// </summary>
internal sealed class RewriteSource(WrittenSheet written)
{
    public LeadSheet Sheet(int tempo) => new(written.TimeSignature, written.Key.Home, tempo, written.HomeMeasures);

    /// <summary>The source the options name, or null without <c>--source</c>; the request it completes.</summary>
    public static (RewriteSource? Source, GenerationRequest Request) Read(RequestOptions options, ParseResult result, GenerationRequest request, ModelCatalog catalog)
    {
        var file = result.GetValue(options.Source);
        if (file is null)
        {
            return request.Regenerate is null
                ? (null, request)
                : throw new CommandLineException("--regenerate: give the sheet to rewrite with --source FILE.musicxml.", CommandLine.Usage);
        }

        if (request.Regenerate is null)
        {
            throw new CommandLineException("--source: say which bars to write again with --regenerate (e.g. 9-12).", CommandLine.Usage);
        }

        if (!catalog.TryGetCard(request.Model ?? GenerationSpec.DefaultModel, out var card))
        {
            // The validator names the unknown model.
            return (null, request);
        }

        var written = WrittenSheetReader.Read(RequestOptions.TextOf(file, "--source"), card.Tokens, card.TimeSignatures, out var problems)
            ?? throw new CommandLineException($"--source: the sheet {string.Join(" ", problems)}");
        return (new RewriteSource(written), request with
        {
            TimeSignature = request.TimeSignature ?? written.TimeSignature.ToString(),
            Key = request.Key ?? written.Key.ToString(),
            Bars = request.Bars ?? written.Bars,
        });
    }

    /// <summary>Refuses a request whose sheet the source's bars cannot be kept in.</summary>
    public void Check(GenerationSpec spec)
    {
        if (spec.Bars != written.Bars)
        {
            throw new CommandLineException($"--bars: the source sheet has {written.Bars} bars; leave --bars out or give {written.Bars}.", CommandLine.Usage);
        }

        if (spec.TimeSignature != written.TimeSignature)
        {
            throw new CommandLineException($"--time-signature: the source sheet is in {written.TimeSignature}; leave it out or give {written.TimeSignature}.", CommandLine.Usage);
        }

        if (spec.Key.Mode != written.Key.Mode)
        {
            throw new CommandLineException($"--key: the source sheet is in {written.Key}; give a key of the same mode or leave it out.", CommandLine.Usage);
        }
    }
}
