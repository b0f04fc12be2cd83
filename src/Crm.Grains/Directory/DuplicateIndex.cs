using Crm.Grains.Abstractions.Directory;

namespace Crm.Grains.Directory;

/// <summary>
/// Customers by case-folded email, E.164 phone, company and email domain: the candidates a duplicate check scores,
/// without comparing against every record. Kept by the directory grain and by the import alike.
/// <para>
/// Most keys (an email, a phone) belong to one customer, so a key holds that customer's id itself and becomes a set only
/// when a second one shares it: a set per key was about 400 bytes per customer, most of a million-row import's memory.
/// </para>
/// </summary>
public sealed class DuplicateIndex
{
    // A key's customers: one id (string) or several (HashSet<string>).
    private readonly Dictionary<string, object> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _keysOf = new(StringComparer.Ordinal);

    public void Put(string customerId, string name, string? email, string? phone, string? companyId)
    {
        Remove(customerId);
        var keys = Keys(name, email, phone, companyId);
        _keysOf[customerId] = keys;
        foreach (var key in keys)
        {
            switch (_byKey.GetValueOrDefault(key))
            {
                case null:
                    _byKey[key] = customerId;
                    break;
                case string one when one != customerId:
                    _byKey[key] = new HashSet<string>(StringComparer.Ordinal) { one, customerId };
                    break;
                case HashSet<string> many:
                    many.Add(customerId);
                    break;
            }
        }
    }

    public void Remove(string customerId)
    {
        if (!_keysOf.Remove(customerId, out var keys)) return;
        foreach (var key in keys)
        {
            switch (_byKey.GetValueOrDefault(key))
            {
                case string one when one == customerId:
                    _byKey.Remove(key);
                    break;
                case HashSet<string> many when many.Remove(customerId):
                    if (many.Count == 1) _byKey[key] = many.First();
                    break;
            }
        }
    }

    /// <summary>Every indexed customer sharing a key with the probe, the probe's own id aside.</summary>
    public IEnumerable<string> Candidates(DuplicateProbe probe) =>
        Keys(probe.Name, probe.Email, probe.Phone, probe.CompanyId)
            .SelectMany(k => IdsOf(_byKey.GetValueOrDefault(k)))
            .Where(id => id != probe.CustomerId)
            .Distinct();

    /// <summary>Groups of more than one customer under one key: where the review queue looks.</summary>
    public IEnumerable<IReadOnlyCollection<string>> CrowdedKeys() => _byKey.Values.OfType<HashSet<string>>();

    private static IEnumerable<string> IdsOf(object? ids) => ids switch
    {
        string one => [one],
        HashSet<string> many => many,
        _ => [],
    };

    private static string[] Keys(string name, string? email, string? phone, string? companyId)
    {
        var k = DuplicateRules.Keys(name, email, phone);
        return new[] { k.Email is null ? null : "e:" + k.Email, k.Phone is null ? null : "p:" + k.Phone,
                k.Domain is null ? null : "d:" + k.Domain, companyId is null ? null : "c:" + companyId }
            .OfType<string>().ToArray();
    }
}
