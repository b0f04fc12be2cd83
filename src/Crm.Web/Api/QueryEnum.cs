using System.Text.Json;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Api;

/// <summary>
/// Enum query parameters in the same spelling as the JSON the API returns ("longest-waiting"), case-insensitive; an
/// unknown value is a 400 that lists the allowed ones (the framework's binder is case-sensitive and says only "failed").
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var wanted = value.Trim().Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase)) return candidate;
        var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())));
        throw new DomainException(DomainErrorKind.Invalid, $"'{value}' is not a valid {name}; use one of: {allowed}.");
    }
}
