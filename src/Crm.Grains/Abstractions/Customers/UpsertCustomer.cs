using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Customers;

/// <summary>Creates the customer or updates its profile; nothing is written when nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.upsert-customer")]
public sealed record UpsertCustomer(string Name, string? Email, string? Phone, string? CompanyName, string Actor)
{
    public const int MaxFieldLength = 200;

    /// <summary>
    /// The profile trimmed (blank optional fields become null), or a <see cref="DomainException"/> naming the first
    /// problem. Public so a caller that writes something else first (a chat's start) can refuse before writing anything.
    /// </summary>
    public UpsertCustomer Validated()
    {
        var validated = this with
        {
            Name = Optional(Name, "name") ?? throw new DomainException(DomainErrorKind.Invalid, "A customer needs a name."),
            Email = Optional(Email, "email"), Phone = Optional(Phone, "phone"), CompanyName = Optional(CompanyName, "company name"),
        };
        if (validated.Email is { } email && !email.Contains('@'))
            throw new DomainException(DomainErrorKind.Invalid, $"'{email}' is not an email address.");
        return validated;
    }

    /// <summary>A profile field trimmed (blank becomes null), or a refusal when it is longer than <see cref="MaxFieldLength"/>.</summary>
    public static string? Optional(string? value, string what)
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > MaxFieldLength)
            throw new DomainException(DomainErrorKind.Invalid, $"The {what} can be at most {MaxFieldLength} characters.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
