using System.Globalization;

namespace Crm.Web.Services;

/// <summary>How report numbers are written, in the console and the CSV alike (invariant culture, so a CSV reads the same everywhere).</summary>
public static class ReportFormat
{
    public const string Missing = "–";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An average score to its 2 decimals ("4.50").</summary>
    public static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A percentage to its 1 decimal ("66.7").</summary>
    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds as "h:mm:ss", with days in front past 24 hours ("2d 16:20:00").</summary>
    public static string Duration(long? seconds)
    {
        if (seconds is not { } s) return Missing;
        var span = TimeSpan.FromSeconds(s);
        var clock = $"{span.Hours}:{span.Minutes:00}:{span.Seconds:00}";
        return span.Days > 0 ? $"{span.Days}d {clock}" : clock;
    }
}
