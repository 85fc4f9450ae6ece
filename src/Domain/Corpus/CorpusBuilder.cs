using System.Xml.Linq;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Turns scores into training sequences: read, arrange in C major / A minor, cut into phrase windows, split by
/// piece, and top up thin meters with re-barred music.
/// </summary>
public sealed class CorpusBuilder
{
    /// <summary>A meter with fewer sequences than this share of the largest is thin, and re-barring tops it up to that share.</summary>
    public const double ThinShare = 0.25;

    private readonly List<(string Id, IReadOnlyList<HomeKeyArrangement> Arrangements, IReadOnlyList<CorpusSequence> Sequences)> _pieces = [];
    private readonly LeadSheetTokenizer _tokenizer;

    public CorpusBuilder()
    {
        if (!TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var vocabulary, out var problems))
        {
            throw new InvalidOperationException("The training vocabulary is broken: " + string.Join("; ", problems));
        }

        _tokenizer = new LeadSheetTokenizer(vocabulary, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
    }

    public CorpusTally Tally { get; } = new();

    /// <summary>Reads every .mxl under <paramref name="scores"/>, in path order; the piece id is the folder path below it.</summary>
    public static TrainingCorpus FromDirectory(string scores, ulong seed)
    {
        var builder = new CorpusBuilder();
        var files = Directory.EnumerateFiles(scores, "*.mxl", SearchOption.AllDirectories)
            .Select(path => (Id: PieceId(scores, path), Path: path))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (id, path) in files)
        {
            XDocument score;
            try
            {
                score = MxlReader.Read(path);
            }
            catch (InvalidDataException e)
            {
                builder.Skip(id, "unreadable archive: " + e.Message);
                continue;
            }

            builder.Add(id, score);
        }

        return builder.Build(seed);
    }

    public static string PieceId(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/');
        return string.IsNullOrEmpty(folder) ? Path.GetFileNameWithoutExtension(relative) : folder;
    }

    public void Skip(string piece, string reason)
    {
        Tally.PiecesFound++;
        CorpusTally.Count(Tally.PiecesSkipped, reason);
    }

    public void Add(string piece, XDocument score)
    {
        var reading = MusicXmlScoreReader.Read(score);
        if (reading.Score is not { } read)
        {
            Skip(piece, reading.Problem ?? "unreadable");
            return;
        }

        Tally.PickupsDropped += read.PickupDropped ? 1 : 0;
        Tally.BrokenBars += read.BrokenBars;
        Tally.TiesMerged += read.TiesMerged;
        foreach (var kind in read.UnknownChordKinds)
        {
            CorpusTally.Count(Tally.UnknownChordKinds, kind);
        }

        var arrangements = new List<HomeKeyArrangement>();
        string? firstProblem = null;
        HomeKeyArrangement? last = null;
        foreach (var segment in read.Segments)
        {
            last = SegmentArranger.Arrange(segment, Tally, out var problem);
            if (last is { } arrangement)
            {
                arrangements.Add(arrangement);
            }
            else
            {
                CorpusTally.Count(Tally.SegmentsSkipped, problem ?? "unusable");
                firstProblem ??= problem;
            }
        }

        // The piece ends in the last run of its last segment, when that segment was usable and its last bar written.
        var finalRun = last is { LastRunReachesEnd: true, Runs.Count: > 0 } ? last.Runs[^1] : null;
        var sequences = arrangements
            .SelectMany(a => a.Runs.SelectMany(run => Windows(piece, a.TimeSignature, a.Key, run, derived: false, ReferenceEquals(run, finalRun))))
            .ToList();
        if (sequences.Count == 0)
        {
            Skip(piece, arrangements.Count == 0 && firstProblem is not null
                ? firstProblem
                : read.Segments.Count == 0 ? "no whole bars" : "no 8 consecutive usable bars");
            return;
        }

        Tally.PiecesFound++;
        Tally.PiecesUsed++;
        _pieces.Add((piece, arrangements, sequences));
    }

    public TrainingCorpus Build(ulong seed)
    {
        var splits = PieceSplit.Assign(_pieces.Select(p => p.Id), seed);
        var before = _pieces.SelectMany(p => p.Sequences).GroupBy(s => s.TimeSignature).ToDictionary(g => g.Key, g => g.Count());
        var largest = before.Count == 0 ? 0 : before.Values.Max();
        var wanted = (int)Math.Ceiling(largest * ThinShare);
        var derived = _pieces.ToDictionary(p => p.Id, _ => new List<CorpusSequence>(), StringComparer.Ordinal);
        var outcomes = new List<DerivationOutcome>();
        // An order of its own: the split order would hand test and validation pieces the re-barring first.
        var byRank = _pieces.OrderBy(p => PieceSplit.Rank(p.Id, SeededRandom.Derive(seed, 1))).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        foreach (var target in TrainingVocabulary.TimeSignatures)
        {
            var have = before.GetValueOrDefault(target);
            if (have >= wanted)
            {
                continue;
            }

            foreach (var derivation in MeterDerivation.Candidates.Where(d => d.Target == target))
            {
                var pieces = 0;
                var added = 0;
                foreach (var (id, arrangements, _) in byRank)
                {
                    if (have >= wanted)
                    {
                        break;
                    }

                    var rebarred = arrangements
                        .Where(a => a.TimeSignature == derivation.Source)
                        .SelectMany(a => a.Runs.SelectMany(derivation.Rebar).SelectMany(run => Windows(id, target, a.Key, run, derived: true, endsPiece: false)))
                        .ToList();
                    if (rebarred.Count == 0)
                    {
                        continue;
                    }

                    derived[id].AddRange(rebarred);
                    pieces++;
                    added += rebarred.Count;
                    have += rebarred.Count;
                }

                outcomes.Add(new DerivationOutcome(derivation, pieces, added));
            }
        }

        var corpusPieces = _pieces
            .Select(p => new CorpusPiece(p.Id, splits[p.Id], p.Arrangements, [.. p.Sequences, .. derived[p.Id]]))
            .ToList();
        return new TrainingCorpus(seed, corpusPieces, before, outcomes, Tally);
    }

    private IEnumerable<CorpusSequence> Windows(string piece, TimeSignature timeSignature, Key key, IReadOnlyList<Measure> run, bool derived, bool endsPiece) =>
        PhraseWindows.For(run.Count, endsPiece).Select(w => CorpusSequence.Of(piece, timeSignature, key, run.Skip(w.Start).Take(w.Bars).ToList(), derived, w.EndsPiece, _tokenizer));
}
