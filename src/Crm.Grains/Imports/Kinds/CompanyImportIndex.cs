namespace Crm.Grains.Imports.Kinds;

/// <summary>Companies by case-folded name and by domain: the stored ones, then each row as it is decided.</summary>
public sealed class CompanyImportIndex
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byDomain = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string companyId, string name, string? domain)
    {
        _byName.TryAdd(name.Trim(), companyId);
        if (domain is not null) _byDomain.TryAdd(domain, companyId);
    }

    /// <summary>The company this one duplicates and why, domain first (a domain names one company; names repeat more often).</summary>
    public (string CompanyId, string Reason)? Find(string name, string? domain) =>
        domain is not null && _byDomain.TryGetValue(domain, out var byDomain) ? (byDomain, $"same domain {domain}")
        : _byName.TryGetValue(name.Trim(), out var byName) ? (byName, $"same name {name}")
        : null;
}
