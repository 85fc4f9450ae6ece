namespace SithSynth.Pipeline.Admission;

/// <summary>
/// The <c>Admission</c> configuration section (serve: <c>--client-budget</c>, <c>--client-in-flight</c>,
/// <c>--key-budget</c>, <c>--key-in-flight</c>, <c>--global-budget</c>, <c>--budget-window</c>). Budgets are in
/// bar-variations (bars × variations) per window, so one 8-variation 40-bar request costs what 20 default 16-bar sheets
/// cost; in-flight caps are bar-variations of one caller's generations not yet finished. Anonymous callers get the
/// client limits, callers with an API key the key limits. 0 turns a limit off.
/// </summary>
public sealed class AdmissionSettings
{
    public const string SectionName = "Admission";
    public const string DefaultContainerName = "sithsynth-admission";

    /// <summary>40 default sheets, or 2 of the largest requests, per caller per minute.</summary>
    public const int DefaultClientBudget = 640;

    /// <summary>About what the default 40 Flex Consumption instances render in a minute.</summary>
    public const int DefaultGlobalBudget = 12_000;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// One of the largest requests (40 bars × 8 variations) in flight per anonymous caller: a crowd of flooders then
    /// holds one generation each on the dispatcher instead of a window's worth, and the web client can still ask for the
    /// most the models allow.
    /// </summary>
    public const int DefaultClientInFlight = 320;

    /// <summary>Four times the anonymous limits for a caller with an API key.</summary>
    public const int DefaultKeyBudget = 4 * DefaultClientBudget;

    public const int DefaultKeyInFlight = 4 * DefaultClientInFlight;

    /// <summary>Seconds a caller at its in-flight cap is told to wait: about what one large generation takes.</summary>
    public const int InFlightRetryAfterSeconds = 2;

    public int ClientBudget { get; set; } = DefaultClientBudget;

    public int ClientInFlight { get; set; } = DefaultClientInFlight;

    public int KeyBudget { get; set; } = DefaultKeyBudget;

    public int KeyInFlight { get; set; } = DefaultKeyInFlight;

    public int GlobalBudget { get; set; } = DefaultGlobalBudget;

    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>The private container (artifacts account) holding the shared counters, in Azure and on --storage.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>The budget per window of a caller with or without a key.</summary>
    public int BudgetFor(AdmissionCaller caller) => caller?.HasKey == true ? KeyBudget : ClientBudget;

    /// <summary>The in-flight cap of a caller with or without a key.</summary>
    public int InFlightFor(AdmissionCaller caller) => caller?.HasKey == true ? KeyInFlight : ClientInFlight;

    /// <summary>One line for each setting that cannot work, or none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ClientBudget < 0 || KeyBudget < 0 || GlobalBudget < 0)
        {
            problems.Add("Admission budgets are bar-variations per window: 0 (off) or more.");
        }

        if (ClientInFlight < 0 || KeyInFlight < 0)
        {
            problems.Add("In-flight caps are bar-variations of unfinished generations per caller: 0 (off) or more.");
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(1))
        {
            problems.Add("The admission window is between 1 second and 1 day.");
        }

        return problems;
    }
}
