using System.Globalization;
using System.Numerics;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Api;

/// <summary>Numbers and instants from the query string, with a 400 that says what to send instead of the binder's bare failure.</summary>
public static class QueryValues
{
    public static T? Number<T>(string? value, string name) where T : struct, INumber<T> =>
        string.IsNullOrWhiteSpace(value) ? null
        : T.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw Invalid($"'{value}' is not a valid {name}: use a whole number.");

    /// <summary>ISO 8601; a time without an offset is UTC, so the same link means the same range for everyone.</summary>
    public static DateTimeOffset? Instant(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw Invalid($"'{value}' is not a valid {name} time: use ISO 8601, such as 2026-03-01T09:00:00Z.");

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
