using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Agents.Events;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Audit;

/// <summary>
/// Display names for actor ids ("agent:alex" is "Alex Agent"), read from the workspace's own agent and customer streams,
/// so a name is the one the person had in this workspace. Unknown actors keep just their id.
/// </summary>
internal static class ActorNames
{
    private static readonly string AgentRegisteredType = EventSerializer.TypeName(typeof(AgentRegistered));
    private static readonly string CustomerUpsertedType = EventSerializer.TypeName(typeof(CustomerUpserted));

    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IEventStore store, string workspaceId, IEnumerable<string> actors, CancellationToken cancellationToken)
    {
        var distinct = actors.Distinct(StringComparer.Ordinal).ToList();
        var names = await Task.WhenAll(distinct.Select(actor => NameOfAsync(store, workspaceId, actor, cancellationToken)));
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
            if (names[i] is { } name) resolved[distinct[i]] = name;
        return resolved;
    }

    private static async Task<string?> NameOfAsync(IEventStore store, string workspaceId, string actor, CancellationToken cancellationToken)
    {
        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var (kind, id) = (actor[..colon], actor[(colon + 1)..]);
        return kind switch
        {
            "agent" when Ids.IsValid(id) => LastOf<AgentRegistered>(
                await store.ReadStreamAsync(StreamIds.For(StreamIds.AgentCategory, workspaceId, id), 0, cancellationToken), AgentRegisteredType)?.DisplayName,
            "customer" when Ids.IsValid(id) => LastOf<CustomerUpserted>(
                await store.ReadStreamAsync(StreamIds.For(StreamIds.CustomerCategory, workspaceId, id), 0, cancellationToken), CustomerUpsertedType)?.Name,
            "system" => $"System ({id})",
            "integration" => $"Integration ({id})",
            _ => null,
        };
    }

    private static T? LastOf<T>(IReadOnlyList<StoredEvent> history, string typeName) where T : DomainEvent =>
        history.LastOrDefault(e => e.Type == typeName) is { } stored ? (T)EventSerializer.Deserialize(stored) : null;
}
