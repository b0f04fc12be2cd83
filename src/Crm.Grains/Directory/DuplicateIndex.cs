using Crm.Grains.Abstractions.Directory;

namespace Crm.Grains.Directory;

/// <summary>
/// Customers by case-folded email, E.164 phone, company and email domain: the candidates a duplicate check scores,
/// without comparing against every record. Kept by the directory grain, which holds a million customers in a large
/// workspace, so it is built to be small:
/// <list type="bullet">
/// <item>A key is its 64-bit <see cref="DuplicateKeys">fingerprint</see>, not its text (a prefixed copy of every email,
/// phone and domain was about 150 bytes per customer). Two keys sharing a fingerprint only add a candidate, which
/// <see cref="DuplicateRules.Match"/> then scores against the real values and drops.</item>
/// <item>A key holds its one customer's id itself and becomes a set only when a second one shares it (a set per key was
/// about 400 bytes per customer).</item>
/// <item>A customer's keys are not remembered: the caller says what they were (<see cref="Move"/>), since it holds the
/// record they came from (a key array per customer was another 100 bytes).</item>
/// </list>
/// </summary>
public sealed class DuplicateIndex
{
    // A key's customers: one id (string) or several (HashSet<string>).
    private readonly Dictionary<ulong, object> _byKey = [];

    /// <summary>Files <paramref name="customerId"/> under the keys of <paramref name="after"/> instead of those of <paramref name="before"/>.</summary>
    public void Move(string customerId, DuplicateKeys before, DuplicateKeys after)
    {
        foreach (var key in before.All) if (!after.Has(key)) Remove(key, customerId);
        foreach (var key in after.All) if (!before.Has(key)) Add(key, customerId);
    }

    /// <summary>Every indexed customer sharing a key with the probe, the probe's own id aside.</summary>
    public IEnumerable<string> Candidates(DuplicateProbe probe) =>
        DuplicateKeys.Of(probe.Name, probe.Email, probe.Phone, probe.CompanyId).All
            .SelectMany(k => IdsOf(_byKey.GetValueOrDefault(k)))
            .Where(id => id != probe.CustomerId)
            .Distinct();

    /// <summary>Groups of more than one customer under one key: where the review queue looks.</summary>
    public IEnumerable<IReadOnlyCollection<string>> CrowdedKeys() => _byKey.Values.OfType<HashSet<string>>();

    private void Add(ulong key, string customerId)
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

    private void Remove(ulong key, string customerId)
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

    private static IEnumerable<string> IdsOf(object? ids) => ids switch
    {
        string one => [one],
        HashSet<string> many => many,
        _ => [],
    };
}
