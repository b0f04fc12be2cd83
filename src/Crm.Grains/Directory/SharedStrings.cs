namespace Crm.Grains.Directory;

/// <summary>
/// One copy of each string that many records repeat (who wrote a profile, the company named on it): every event is
/// deserialized into strings of its own, and a directory of a million imported customers held a million copies of one
/// user id. Bounded, so a workspace whose values are all distinct costs a fixed table, not one entry per record.
/// </summary>
public sealed class SharedStrings(int capacity = 65_536)
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    /// <summary>The shared copy of <paramref name="value"/>; the value itself when it is the first (and room is left) or null.</summary>
    public string? Share(string? value)
    {
        if (value is null) return null;
        if (_strings.TryGetValue(value, out var shared)) return shared;
        if (_strings.Count < capacity) _strings.Add(value);
        return value;
    }
}
