namespace Crm.Grains.Abstractions.EventStore;

/// <summary>
/// What a reader of the global log wants: events of some categories and/or some event types, optionally of one
/// workspace. An empty list means "any". The store answers it from an index on (workspace, category, position), so a
/// projection reads what it needs without scanning every workspace's rows.
/// </summary>
/// <param name="Categories">Stream categories (see <c>StreamIds</c>); empty: every category.</param>
/// <param name="EventTypes">Stable event type names (<see cref="EventData.Type"/>); empty: every type.</param>
/// <param name="WorkspaceId">One workspace, or null for every workspace.</param>
[GenerateSerializer, Alias("crm.eventstore.event-filter")]
public sealed record EventFilter(
    [property: Id(0)] IReadOnlyList<string> Categories,
    [property: Id(1)] IReadOnlyList<string> EventTypes,
    [property: Id(2)] string? WorkspaceId = null)
{
    /// <summary>Every event of the store.</summary>
    public static EventFilter All { get; } = new([], []);

    public static EventFilter ForCategories(string? workspaceId, params string[] categories) => new(categories, [], workspaceId);

    public bool Matches(StoredEvent stored)
    {
        if (EventTypes.Count > 0 && !EventTypes.Contains(stored.Type)) return false;
        if (Categories.Count == 0 && WorkspaceId is null) return true;
        var parts = stored.StreamId.Split('/');
        if (parts.Length != 3) return false;
        if (WorkspaceId is not null && !string.Equals(parts[0], WorkspaceId, StringComparison.Ordinal)) return false;
        return Categories.Count == 0 || Categories.Contains(parts[1]);
    }
}
