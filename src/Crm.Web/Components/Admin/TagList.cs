namespace Crm.Web.Components.Admin;

/// <summary>
/// Skills and teams as an admin types them: one comma-separated line. Blank entries and repeats are dropped here;
/// names and counts are the router's to judge, so its message is the one the admin sees.
/// </summary>
public static class TagList
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string Format(IEnumerable<string>? tags) => string.Join(", ", tags ?? []);
}
