using System.Globalization;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Services;

/// <summary>
/// Turns a report range as people give it into instants: a date is a UTC day ('from' at its start, 'to' through its
/// end), a date and time is that instant ('to' excluded). The API and the console both convert here, so a range
/// picked in the console and the CSV link it builds cover the same instants.
/// </summary>
public static class ReportPeriod
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>[from, to) for the query string's 'from' and 'to'; Invalid with an example when either is missing or malformed.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Parse(string? from, string? to)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            throw Invalid("Give the range as 'from' and 'to': dates such as ?from=2026-03-01&to=2026-03-31 (UTC days, both included) or instants such as 2026-03-01T09:00:00Z.");
        return (Instant(from, "from", endOfDay: false), Instant(to, "to", endOfDay: true));
    }

    /// <summary>The days <paramref name="first"/> through <paramref name="last"/>, as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Days(DateOnly first, DateOnly last) => (StartOf(first), StartOf(last.AddDays(1)));

    /// <summary>The query-string spelling of a day, which <see cref="Parse"/> reads back as the same day.</summary>
    public static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string value, string name, bool endOfDay)
    {
        value = value.Trim();
        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return endOfDay ? (day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOf(day.AddDays(1))) : StartOf(day);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return instant;
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        throw Invalid($"'{shown}' is not a valid '{name}': use a date such as 2026-03-31 or a date and time such as 2026-03-31T17:00:00Z.");
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
