using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.EventSourcing;

/// <summary>
/// A grain whose state is the fold of its own event stream. A write is acknowledged only after its events are
/// committed (the store's group commit decides when), and only then applied to <see cref="State"/>, so the
/// in-memory state never runs ahead of what is durable. A grain whose stream grows long opts into snapshots
/// (<see cref="SnapshotEvery"/>): an activation then reads the latest snapshot plus the stream's tail.
/// </summary>
public abstract class EventSourcedGrain<TState>(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain
    where TState : class, IEventSourcedState, new()
{
    protected TState State { get; private set; } = new();

    /// <summary>The stream version the state was folded to (0 = nothing stored yet).</summary>
    protected long Version { get; private set; }

    protected TimeProvider Clock => clock;

    /// <summary>The store, for grains that also read other streams (a customer's timeline reads its merged records').</summary>
    protected IEventStore Store => store;

    protected abstract string StreamId { get; }

    /// <summary>Events appended past the last snapshot before a new one is saved; 0 (the default): no snapshots.</summary>
    protected virtual int SnapshotEvery => 0;

    /// <summary>The shape of the saved <typeparamref name="TState"/> ([GenerateSerializer]): bump it when older snapshots no longer fit.</summary>
    protected virtual int SnapshotSchema => 1;

    private string SnapshotKey => $"stream/{StreamId}";

    private long _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReplayAsync(cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Stamps, commits and then applies the events; returns the global position of the last one.
    /// On a version conflict (another activation wrote meanwhile, e.g. during a silo failover) the state is
    /// reloaded from the store and a conflict is returned, so the caller's retry sees the truth.
    /// </summary>
    protected async Task<long> RaiseAsync(string actor, params DomainEvent[] events)
    {
        if (string.IsNullOrWhiteSpace(actor))
            throw new DomainException(DomainErrorKind.Invalid, "Every change needs an actor (who made it), for the audit trail.");
        var now = clock.GetUtcNow();
        var stamped = events.Select(e => e with { At = now, By = actor }).ToArray();
        try
        {
            var result = await store.AppendAsync(StreamId, Version, stamped.Select(EventSerializer.ToEventData).ToArray());
            var version = result.NextExpectedVersion - stamped.Length;
            foreach (var e in stamped) Applied(e, ++version);
            if (SnapshotEvery > 0 && Version - _snapshotVersion >= SnapshotEvery) await SaveSnapshotAsync();
            return result.LastPosition;
        }
        catch (WrongExpectedVersionException)
        {
            State = new TState();
            Version = 0;
            await ReplayAsync(CancellationToken.None);
            throw new DomainException(DomainErrorKind.Conflict, "This record was changed at the same moment by someone else; nothing was saved. Try again.");
        }
    }

    /// <summary>Called after each event is folded into <see cref="State"/>, for read models the grain keeps beside it.</summary>
    protected virtual void OnApplied(DomainEvent @event, long version)
    {
    }

    private void Applied(DomainEvent @event, long version)
    {
        State.Apply(@event);
        Version = version;
        OnApplied(@event, version);
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        if (SnapshotEvery > 0 && Version == 0 && ServiceProvider.GetService<SnapshotCodec>() is { } codec)
        {
            var (state, version) = await codec.LoadAsync<TState>(SnapshotKey, SnapshotSchema, cancellationToken);
            if (state is not null) (State, Version, _snapshotVersion) = (state, version, version);
        }
        foreach (var stored in await store.ReadStreamAsync(StreamId, Version, cancellationToken))
        {
            Applied(EventSerializer.Deserialize(stored), stored.Version);
        }
    }

    private async Task SaveSnapshotAsync()
    {
        if (ServiceProvider.GetService<SnapshotCodec>() is not { } codec) return;
        if (await codec.SaveAsync(SnapshotKey, SnapshotSchema, Version, State)) _snapshotVersion = Version;
    }
}
