using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.EventSourcing;

/// <summary>
/// How the CRM's read-model grains (directory, deal board, follow-up list) fold the store: every event their filter
/// matches after the last position they saw, up to the head, before each answer, so an answer includes every write
/// acknowledged before it was asked. Stand-in until the projection runner (issue 10) lands: these folds should then
/// become its projections, with durable checkpoints and commit wake-ups instead of a read per answer.
/// </summary>
public sealed class ReadModelCatchUp(IEventStore store, EventFilter filter)
{
    private const int PageSize = 5_000;

    public long Position { get; private set; }

    /// <summary>Folds <paramref name="event"/> into the state of its stream's entity in <paramref name="states"/> (added when new); null for a stream id not of the usual form.</summary>
    public static TState? Fold<TState>(Dictionary<string, TState> states, StoredEvent stored, DomainEvent @event)
        where TState : class, IEventSourcedState, new()
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream) return null;
        if (!states.TryGetValue(stream.Id, out var state)) states[stream.Id] = state = new TState();
        state.Apply(@event);
        return state;
    }

    /// <summary>Hands each new event, decoded, to <paramref name="apply"/>, in position order, up to the head.</summary>
    public async Task RunAsync(Action<StoredEvent, DomainEvent> apply, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var before = Position;
            var page = await store.ReadAsync(filter, Position, PageSize, cancellationToken);
            foreach (var stored in page.Events)
            {
                if (!EventSerializer.IsKnown(stored.Type)) continue;
                apply(stored, EventSerializer.Deserialize(stored));
            }
            Position = Math.Max(Position, page.ReadUpTo);
            if (page.ReachedHead || Position == before) return;
        }
    }
}
