using Crm.Grains.Abstractions.Audit;

namespace Crm.Grains.Audit;

/// <summary>
/// One stream's last-known field values, folded forward event by event: what gives each change its "before". Events
/// carry only what they set (a priority, an added label), so the before value exists only in this fold.
/// </summary>
internal sealed class AuditFields
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public string? this[string field] => _values.GetValueOrDefault(field);

    /// <summary>Records the new values; returns a change for each that differs from the last-known one.</summary>
    public IReadOnlyList<AuditChange> Apply(IReadOnlyList<FieldValue> sets)
    {
        var changes = new List<AuditChange>(sets.Count);
        foreach (var (field, value, previous) in sets)
        {
            var before = _values.TryGetValue(field, out var known) ? known : previous;
            if (string.Equals(before, value, StringComparison.Ordinal)) continue;
            changes.Add(new AuditChange(field, before, value));
            _values[field] = value;
        }
        return changes;
    }
}
