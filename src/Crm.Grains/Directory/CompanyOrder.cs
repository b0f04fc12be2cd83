using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Directory;

/// <summary>The sorts of the companies list; an unknown one is refused with the ones there are.</summary>
public static class CompanyOrder
{
    public static IEnumerable<CompanyDetails> Sort(IEnumerable<CompanyDetails> rows, string? sort) => (sort ?? "name") switch
    {
        "name" => rows.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
        "-name" => rows.OrderByDescending(c => c.Name, StringComparer.OrdinalIgnoreCase),
        "domain" => rows.OrderBy(c => c.Domain, StringComparer.OrdinalIgnoreCase),
        "-domain" => rows.OrderByDescending(c => c.Domain, StringComparer.OrdinalIgnoreCase),
        "created" => rows.OrderBy(c => c.CreatedAt),
        "-created" => rows.OrderByDescending(c => c.CreatedAt),
        var other => throw new DomainException(DomainErrorKind.Invalid, $"Unknown sort '{other}'; use name, domain or created, with '-' for descending."),
    };
}
