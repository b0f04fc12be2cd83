using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Abstractions.EventStore;

/// <summary>
/// What a reader of the global log wants: events of some categories and/or some event types, optionally of one
/// workspace. An empty list means "any". The store answers it from its (category, position), (workspace, category,
/// position), (workspace, position) and (type, position) indexes, so a projection reads what it needs without scanning
/// every workspace's rows. Names must be non-empty and the workspace id null or non-empty (else ArgumentException).
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

    /// <summary>
    /// The filter in memory, exactly as the stores apply it: a stream id not of the form "{workspace}/{category}/{id}"
    /// (see <see cref="StreamIds.Parse"/>) has no workspace and no category.
    /// </summary>
    public bool Matches(StoredEvent stored)
    {
        if (EventTypes.Count > 0 && !EventTypes.Contains(stored.Type)) return false;
        if (Categories.Count == 0 && WorkspaceId is null) return true;
        if (StreamIds.Parse(stored.StreamId) is not { } parts) return false;
        if (WorkspaceId is not null && !string.Equals(parts.WorkspaceId, WorkspaceId, StringComparison.Ordinal)) return false;
        return Categories.Count == 0 || Categories.Contains(parts.Category);
    }
}
