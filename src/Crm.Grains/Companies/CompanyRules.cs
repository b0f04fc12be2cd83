using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Companies;

/// <summary>A company's name and domain as the grain stores them; plain, so an import's dry run checks rows the same way.</summary>
public static class CompanyRules
{
    public static string RequireName(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 200 ? throw Invalid("A company needs a name of 1–200 characters.") : trimmed;
    }

    /// <summary>Lowercased; null for blank; refused unless a DNS name with a dot.</summary>
    public static string? Domain(string? domain)
    {
        var value = string.IsNullOrWhiteSpace(domain) ? null : domain.Trim().ToLowerInvariant();
        if (value is not null && (value.Length > 200 || !Uri.CheckHostName(value).Equals(UriHostNameType.Dns) || !value.Contains('.')))
            throw Invalid($"'{domain}' is not a domain name (e.g. example.com).");
        return value;
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
