using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Deals;

/// <summary>A deal's fields, checked before any event is raised; plain, so it tests without a cluster.</summary>
public static class DealRules
{
    public const int MaxContacts = 50;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static (string Title, decimal Amount, string Currency, string? OwnerId, List<string> Contacts, string? CompanyId) Require(
        string? title, decimal amount, string? currency, string? ownerId, IReadOnlyList<string>? contactIds, string? companyId)
    {
        var trimmed = title?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 200) throw Invalid("A deal needs a title of 1–200 characters.");
        if (amount < 0) throw Invalid($"A deal's amount cannot be negative ({amount}).");
        if (amount > MaxAmount) throw Invalid("A deal's amount is at most 1,000,000,000,000.");
        if (decimal.Round(amount, 2) != amount) throw Invalid("A deal's amount has at most two decimals.");
        var code = Currencies.Normalize(currency) ?? throw Invalid($"'{currency}' is not an ISO 4217 currency code (e.g. EUR, USD, GBP).");
        var contacts = (contactIds ?? []).Select(id => Ids.Require(id, "contact")).Distinct().ToList();
        if (contacts.Count > MaxContacts) throw Invalid($"A deal has at most {MaxContacts} contacts.");
        return (trimmed, amount, code, ownerId is null ? null : Ids.Require(ownerId, "owner"), contacts, companyId is null ? null : Ids.Require(companyId, "company"));
    }

    public static string? RequireReason(string? reason, bool closes)
    {
        var trimmed = reason?.Trim();
        if (trimmed?.Length > 500) throw Invalid("A reason is at most 500 characters.");
        if (closes && string.IsNullOrEmpty(trimmed)) throw Invalid("Say why the deal was won or lost: closing it needs a reason.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
