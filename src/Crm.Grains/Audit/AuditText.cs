using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crm.Grains.Audit;

/// <summary>How values read in the audit: enums as the API spells them, durations short, people as "Name (id)".</summary>
internal static class AuditText
{
    public static string Enum<T>(T value) where T : struct, System.Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Named(string? name, string id) => string.IsNullOrWhiteSpace(name) ? id : $"{name} ({id})";

    /// <summary>Only the length: the audit keeps no copy of what customers or agents wrote.</summary>
    public static string Chars(string? text) => $"{text?.Length ?? 0} chars";

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"1d 4h", "2h 30m", "45s"; null stays null (no target).</summary>
    public static string? Duration(TimeSpan? duration)
    {
        if (duration is not { } d) return null;
        var text = new StringBuilder();
        Part(text, d.Days, "d");
        Part(text, d.Hours, "h");
        Part(text, d.Minutes, "m");
        Part(text, d.Seconds, "s");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    /// <summary>"crm.conversations.conversation-rated.v1" reads "conversation rated": for event types without a description.</summary>
    public static string FromTypeName(string typeName)
    {
        var parts = typeName.Split('.');
        var name = parts.Length >= 3 ? parts[^2] : typeName;
        return name.Replace('-', ' ');
    }

    private static void Part(StringBuilder text, int amount, string unit)
    {
        if (amount == 0) return;
        if (text.Length > 0) text.Append(' ');
        text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }
}
