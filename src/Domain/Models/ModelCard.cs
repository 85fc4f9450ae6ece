using System.Text.Json;
using System.Text.Json.Nodes;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Models;

/// <summary>
/// A model's card (models/&lt;name&gt;/model.json), checked on load: limits, vocabularies and tensor names.
/// Everything the service knows about a model comes from here (see models/README.md).
/// </summary>
public sealed class ModelCard
{
    public const string FileName = "model.json";

    /// <summary>Format 1: four condition columns, five phrase positions, no tie. Format 2 adds the mode, the final positions and the tie.</summary>
    public static IReadOnlyList<int> SupportedFormatVersions { get; } = [1, 2];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private ModelCard(string directory, ModelCardDocument document, TokenVocabulary tokens, ConditionVocabulary conditions, PlanTemplates? plans)
    {
        PlanTemplates = plans;
        Directory = directory;
        Name = document.Name!;
        Architecture = document.Architecture ?? "";
        Description = document.Description ?? "";
        Summary = string.IsNullOrWhiteSpace(document.Summary) ? null : document.Summary.Trim();
        MaxBars = document.MaxBars;
        OnsetResolution = document.OnsetResolution;
        MaxOnset = document.MaxOnset;
        FormatVersion = document.FormatVersion;
        Tokens = tokens;
        Conditions = conditions;
        Encoder = document.Encoder!;
        Decoder = document.Decoder!;
        Training = document.Training;
        Evaluation = document.Evaluation;
    }

    public string Directory { get; }

    public string Name { get; }

    public string Architecture { get; }

    public string Description { get; }

    /// <summary>What the model is like to write with, in a musician's words (the description is for engineers); null when the card has none.</summary>
    public string? Summary { get; }

    public int MaxBars { get; }

    public int OnsetResolution { get; }

    public int MaxOnset { get; }

    public int FormatVersion { get; }

    public TokenVocabulary Tokens { get; }

    public ConditionVocabulary Conditions { get; }

    public IReadOnlyList<TimeSignature> TimeSignatures => Conditions.TimeSignatures;

    public EncoderTensors Encoder { get; }

    public DecoderTensors Decoder { get; }

    public JsonObject? Training { get; }

    public JsonObject? Evaluation { get; }

    /// <summary>The per-bar curves of the training split (plans.json beside model.json); null when the folder has none.</summary>
    public PlanTemplates? PlanTemplates { get; }

    public string EncoderPath => Path.Combine(Directory, Encoder.File);

    public string DecoderPath => Path.Combine(Directory, Decoder.File);

    /// <summary>Reads and checks <c>model.json</c> in <paramref name="directory"/>; throws <see cref="ModelCardException"/> listing every problem.</summary>
    public static ModelCard Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelCardException(directory, [$"there is no {FileName}"]);
        }

        ModelCardDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ModelCardDocument>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new ModelCardException(directory, [$"{FileName} is not valid JSON for a model card ({e.Message})"]);
        }

        var problems = new List<string>();
        if (document is null)
        {
            throw new ModelCardException(directory, [$"{FileName} is empty"]);
        }

        var knownFormat = SupportedFormatVersions.Contains(document.FormatVersion);
        if (!knownFormat)
        {
            problems.Add($"formatVersion is {document.FormatVersion}, this service reads {string.Join(" or ", SupportedFormatVersions)}");
        }

        if (string.IsNullOrWhiteSpace(document.Name) || document.Name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            problems.Add("name must be letters, digits, '-' or '_'");
        }

        if (document.MaxBars < 1)
        {
            problems.Add("maxBars must be at least 1");
        }

        if (document.OnsetResolution < 1 || document.MaxOnset < 1)
        {
            problems.Add("onsetResolution and maxOnset must be positive");
        }

        TokenVocabulary? tokens = null;
        if (document.Tokens is null)
        {
            problems.Add("tokens is missing");
        }
        else if (!TokenVocabulary.TryCreate(document.Tokens, out tokens, out var tokenProblems))
        {
            problems.AddRange(tokenProblems);
        }

        ConditionVocabulary? conditions = null;
        if (document.Conditions is null)
        {
            problems.Add("conditions is missing");
        }
        else if (!ConditionVocabulary.TryCreate(document.Conditions, out conditions, out var conditionProblems))
        {
            problems.AddRange(conditionProblems);
        }

        if (knownFormat)
        {
            CheckFormat(document, tokens, problems);
        }

        CheckTensors(directory, document, problems);
        var plans = ReadPlans(directory, problems);
        if (problems.Count > 0)
        {
            throw new ModelCardException(directory, problems);
        }

        return new ModelCard(directory, document, tokens!, conditions!, plans);
    }

    private static PlanTemplates? ReadPlans(string directory, List<string> problems)
    {
        var path = Path.Combine(directory, PlanTemplates.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        if (PlanTemplates.TryRead(File.ReadAllBytes(path), out var plans, out var problem))
        {
            return plans;
        }

        problems.Add(problem);
        return null;
    }

    /// <summary>A format-2 card lists the modes and the tie token; a format-1 card lists neither.</summary>
    private static void CheckFormat(ModelCardDocument document, TokenVocabulary? tokens, List<string> problems)
    {
        var version2 = document.FormatVersion == 2;
        if (document.Conditions is { } conditions && (conditions.Modes is not null) != version2)
        {
            problems.Add(version2 ? "conditions.modes is missing (formatVersion 2 lists [major, minor])" : "conditions.modes is formatVersion 2; this card says 1");
        }

        if (tokens is not null && (tokens.Tie is not null) != version2)
        {
            problems.Add(version2 ? $"tokens must hold '{DecoderToken.TieText}' (formatVersion 2)" : $"token '{DecoderToken.TieText}' is formatVersion 2; this card says 1");
        }
    }

    private static void CheckTensors(string directory, ModelCardDocument document, List<string> problems)
    {
        if (document.Encoder is not { } encoder || string.IsNullOrEmpty(encoder.File) || string.IsNullOrEmpty(encoder.Conditions) || string.IsNullOrEmpty(encoder.Memory))
        {
            problems.Add("encoder must name its file, conditions and memory tensors");
        }
        else if (!File.Exists(Path.Combine(directory, encoder.File)))
        {
            problems.Add($"encoder file '{encoder.File}' is missing");
        }

        if (document.Decoder is not { } decoder
            || new[] { decoder.File, decoder.Token, decoder.Bar, decoder.Onset, decoder.Memory, decoder.Logits }.Any(string.IsNullOrEmpty)
            || decoder.State is null)
        {
            problems.Add("decoder must name its file, token, bar, onset, memory, logits and state tensors");
            return;
        }

        if (!File.Exists(Path.Combine(directory, decoder.File)))
        {
            problems.Add($"decoder file '{decoder.File}' is missing");
        }

        foreach (var state in decoder.State)
        {
            if (string.IsNullOrEmpty(state.Input) || string.IsNullOrEmpty(state.Output) || state.InitialShape is not { Count: > 0 } || state.InitialShape.Any(d => d < 0))
            {
                problems.Add("each decoder state needs input, output and a non-negative initialShape");
            }
        }
    }
}
