using Crm.Grains.Abstractions.Directory;

namespace Crm.Grains.Directory;

/// <summary>
/// Customers by case-folded email, E.164 phone, company and email domain: the candidates a duplicate check scores,
/// without comparing against every record. Kept by the directory grain and by the import alike.
/// </summary>
public sealed class DuplicateIndex
{
    private readonly Dictionary<string, HashSet<string>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _keysOf = new(StringComparer.Ordinal);

    public void Put(string customerId, string name, string? email, string? phone, string? companyId)
    {
        Remove(customerId);
        var keys = Keys(name, email, phone, companyId);
        _keysOf[customerId] = keys;
        foreach (var key in keys)
        {
            if (!_byKey.TryGetValue(key, out var ids)) _byKey[key] = ids = new HashSet<string>(StringComparer.Ordinal);
            ids.Add(customerId);
        }
    }

    public void Remove(string customerId)
    {
        if (!_keysOf.Remove(customerId, out var keys)) return;
        foreach (var key in keys)
            if (_byKey.TryGetValue(key, out var ids) && ids.Remove(customerId) && ids.Count == 0) _byKey.Remove(key);
    }

    /// <summary>Every indexed customer sharing a key with the probe, the probe's own id aside.</summary>
    public IEnumerable<string> Candidates(DuplicateProbe probe) =>
        Keys(probe.Name, probe.Email, probe.Phone, probe.CompanyId)
            .SelectMany(k => _byKey.TryGetValue(k, out var ids) ? ids : [])
            .Where(id => id != probe.CustomerId)
            .Distinct();

    /// <summary>Groups of more than one customer under one key: where the review queue looks.</summary>
    public IEnumerable<IReadOnlyCollection<string>> CrowdedKeys() => _byKey.Values.Where(ids => ids.Count > 1);

    private static string[] Keys(string name, string? email, string? phone, string? companyId)
    {
        var k = DuplicateRules.Keys(name, email, phone);
        return new[] { k.Email is null ? null : "e:" + k.Email, k.Phone is null ? null : "p:" + k.Phone,
                k.Domain is null ? null : "d:" + k.Domain, companyId is null ? null : "c:" + companyId }
            .OfType<string>().ToArray();
    }
}
