using Crm.Grains.Abstractions.Keys;

namespace Crm.Testing.Cluster;

/// <summary>
/// Fresh ids per test, valid by <see cref="Ids"/> rules (lowercase slug, at most 64 characters), so no test sees
/// another's data even though every test shares one cluster and one store.
/// </summary>
public static class TestKeys
{
    /// <summary>A workspace id no other test uses, e.g. "ws-3f2a…".</summary>
    public static string NewWorkspaceId() => NewId("ws");

    /// <summary>A fresh id with a readable prefix ("conv", "agent", …).</summary>
    public static string NewId(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():n}";
        return Ids.IsValid(id) ? id : throw new ArgumentException($"'{prefix}' does not make a valid id prefix.", nameof(prefix));
    }
}
