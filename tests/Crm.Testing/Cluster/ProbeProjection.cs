using System.Collections.Concurrent;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Testing.Cluster;

/// <summary>
/// A hosted <see cref="IProjection"/> registered on every test silo: it records the events of the "probe" category it
/// is handed (by event id, so a batch handed again after a crash is not counted twice) and throws on events of the
/// type a test names as poison, until the test clears it. Both silos run in this process, so the record is shared.
/// </summary>
public sealed class ProbeProjection : IProjection
{
    public const string ProjectionName = "probe";
    public const string Category = "probe";

    /// <summary>Every probe event handled, by event id, with how often it was handed.</summary>
    public static ConcurrentDictionary<Guid, int> Handled { get; } = new();

    /// <summary>Events of this type make the handler throw (a poison event) while it is set.</summary>
    public static volatile string? PoisonType;

    public string Name => ProjectionName;

    public EventFilter Filter { get; } = new([Category], []);

    public Task<long?> ReadOwnCheckpointAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public Task HandleAsync(IReadOnlyList<StoredEvent> batch, long readUpTo, CancellationToken cancellationToken)
    {
        foreach (var stored in batch)
        {
            if (stored.Type == PoisonType) throw new InvalidOperationException($"The probe cannot handle {stored.Type}.");
            Handled.AddOrUpdate(stored.EventId, 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }
}
