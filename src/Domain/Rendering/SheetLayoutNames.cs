namespace SithSynth.Domain.Rendering;

/// <summary>The layouts as requests name them: "piano" (the default, with a chord staff) and "lead-sheet" (one staff).</summary>
public static class SheetLayoutNames
{
    public const string Piano = "piano";
    public const string LeadSheet = "lead-sheet";

    public static string Name(SheetLayout layout) => layout == SheetLayout.LeadSheet ? LeadSheet : Piano;

    public static bool TryParse(string? name, out SheetLayout layout)
    {
        layout = name == LeadSheet ? SheetLayout.LeadSheet : SheetLayout.Piano;
        return name is Piano or LeadSheet;
    }
}
