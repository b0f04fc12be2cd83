namespace Crm.Grains.Abstractions.EventStore;

/// <summary>
/// One page of a filtered read of the global log. <paramref name="ReadUpTo"/> is the position the store looked up to:
/// a reader checkpoints it even when <paramref name="Events"/> is empty, so a filter that matched nothing still moves on
/// and never rescans other workspaces' rows. <paramref name="ReachedHead"/> says no committed event lies past it.
/// </summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long ReadUpTo, bool ReachedHead);
