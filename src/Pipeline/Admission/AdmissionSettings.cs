namespace SithSynth.Pipeline.Admission;

/// <summary>
/// The <c>Admission</c> configuration section (serve: <c>--client-budget</c>, <c>--global-budget</c>,
/// <c>--budget-window</c>). Budgets are in bar-variations (bars × variations) per window, so one 8-variation 40-bar
/// request costs what 20 default 16-bar sheets cost. 0 turns a budget off.
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

    public int ClientBudget { get; set; } = DefaultClientBudget;

    public int GlobalBudget { get; set; } = DefaultGlobalBudget;

    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>The private container (artifacts account) holding the shared counters, in Azure and on --storage.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>One line for each setting that cannot work, or none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ClientBudget < 0 || GlobalBudget < 0)
        {
            problems.Add("Admission budgets are bar-variations per window: 0 (off) or more.");
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(1))
        {
            problems.Add("The admission window is between 1 second and 1 day.");
        }

        return problems;
    }
}
