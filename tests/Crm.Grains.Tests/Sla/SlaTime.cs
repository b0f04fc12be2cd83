using System.Globalization;

namespace Crm.Grains.Tests.Sla;

/// <summary>Readable instants for the SLA tables: "yyyy-MM-dd HH:mm" in UTC or in a zone's (unambiguous) wall time.</summary>
internal static class SlaTime
{
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset Local(string zoneId, string text)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (zone.IsAmbiguousTime(local) || zone.IsInvalidTime(local))
            throw new ArgumentException($"{text} is not a single instant in {zoneId}; write it in UTC.", nameof(text));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
