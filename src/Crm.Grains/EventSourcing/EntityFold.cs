using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.EventSourcing;

/// <summary>
/// How a workspace-wide read model folds one entity kind (every deal, every customer…) with the same state class the
/// entity's own grain folds, so the list and the record can never disagree on what an event means.
/// </summary>
public static class EntityFold
{
    /// <summary>
    /// Folds <paramref name="stored"/> into the state of its stream's entity (added when new) and returns that state;
    /// null for an event type this build does not know (written by a newer one) or a stream id not of the usual form.
    /// </summary>
    public static TState? Apply<TState>(Dictionary<string, TState> states, StoredEvent stored)
        where TState : class, IEventSourcedState, new() =>
        StreamIds.Parse(stored.StreamId) is { } stream ? Apply(states, stored, stream.Id) : null;

    /// <summary>
    /// As above, for a caller that has parsed the stream id already: a new entity is keyed by that very string, so a
    /// read model that files the id elsewhere too (an index) holds one copy of it, not one per parse.
    /// </summary>
    public static TState? Apply<TState>(Dictionary<string, TState> states, StoredEvent stored, string entityId)
        where TState : class, IEventSourcedState, new()
    {
        if (!EventSerializer.IsKnown(stored.Type)) return null;
        if (!states.TryGetValue(entityId, out var state)) states[entityId] = state = new TState();
        state.Apply(EventSerializer.Deserialize(stored));
        return state;
    }
}
