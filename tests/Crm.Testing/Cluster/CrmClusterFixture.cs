using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.EventSourcing;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Xunit;

namespace Crm.Testing.Cluster;

/// <summary>
/// A two-silo in-process <see cref="TestCluster"/> over the real SQLite event store in a fresh temp folder, with a
/// shared fake domain clock. Both silos open the same file, as nodes sharing one store do. Share it across a test
/// collection and give every test fresh keys (<see cref="TestKeys"/>): the cluster and the store outlive each test.
/// </summary>
public sealed class CrmClusterFixture : IAsyncLifetime
{
    private string? clockId;
    private SqliteEventStore? store;
    private TestCluster? cluster;

    public CrmClusterFixture()
    {
        DataPath = Path.Combine(Path.GetTempPath(), $"crm-grains-{Guid.NewGuid():n}");
    }

    /// <summary>The folder of the store (<c>events.db</c>), deleted on dispose.</summary>
    public string DataPath { get; }

    /// <summary>
    /// The grains' domain clock (Crm.Grains.Abstractions.Time.DomainClock). It starts at a whole
    /// second near now and moves only when a test advances it.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed yet.");

    public IClusterClient Client => Cluster.Client;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The same SQLite file the silos write, opened by the test: to read streams and to write given events.</summary>
    public IEventStore Store => store ?? throw new InvalidOperationException("The cluster is not deployed yet.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        clockId = SharedClocks.Add(Clock);

        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[EventStoreOptions.DataPathKey] = DataPath;
        builder.Properties[$"{EventStoreOptions.SectionName}:Provider"] = nameof(EventStoreProvider.Sqlite);
        builder.Properties[SharedClocks.ConfigurationKey] = clockId;
        builder.AddSiloBuilderConfigurator<CrmSiloConfigurator>();

        cluster = builder.Build();
        await cluster.DeployAsync();
        store = new SqliteEventStore(new EventStoreOptions { DataPath = DataPath });
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        if (store is not null) await store.DisposeAsync();
        if (clockId is not null) SharedClocks.Remove(clockId);
        if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }

    /// <summary>Reads a stream straight from the store: what was really committed, not what a grain says.</summary>
    public async Task<IReadOnlyList<DomainEvent>> ReadEventsAsync(string streamId) =>
        [.. (await Store.ReadStreamAsync(streamId)).Select(EventSerializer.Deserialize)];

    /// <summary>
    /// Appends events to a stream behind the grains' backs, stamped with the fake clock and <paramref name="actor"/>:
    /// the "given events" of a test, or a write from another node that a grain only sees by re-reading the store.
    /// </summary>
    public Task<AppendResult> AppendEventsAsync(string streamId, string actor, params DomainEvent[] events)
    {
        var now = Clock.GetUtcNow();
        return Store.AppendAsync(streamId, ExpectedVersion.Any,
            [.. events.Select(e => EventSerializer.ToEventData(e with { At = now, By = actor }))]);
    }

    /// <summary>
    /// Deactivates the grain's activation wherever it lives and waits until no silo holds it or a new activation
    /// replaced it (a projection partition is woken again by the next commit or the waker's poll), so the next call
    /// reaches an activation that folded its state afresh from the store.
    /// </summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        var grainId = grain.GetGrainId();
        var before = ActivationsOf(grainId);
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grainId);
        await Eventually.ReturnsAsync(
            async () => (Host: await HostOfAsync(grain), Activations: ActivationsOf(grainId)),
            now => now.Host is null || now.Activations > before,
            $"grain {grainId} to be deactivated",
            TimeSpan.FromSeconds(10));
    }

    private int ActivationsOf(GrainId grainId) => Cluster.Silos.OfType<InProcessSiloHandle>()
        .Where(s => s.IsActive)
        .Sum(s => s.SiloHost.Services.GetRequiredService<ActivationLog>().ActivationsOf(grainId));

    /// <summary>
    /// Moves the grain's activation to <paramref name="silo"/> (activating it when needed) and waits until it lives
    /// there. The new activation folds its state from the store, as after any move. The request is made again each
    /// second until it took: a projection partition may be deactivated and re-woken by the waker in between, and the
    /// new activation knows nothing of the old one's pending migration.
    /// </summary>
    public async Task MoveToAsync(IAddressable grain, SiloHandle silo)
    {
        var requested = System.Diagnostics.Stopwatch.StartNew();
        await RequestMigrationAsync(grain, silo);
        await Eventually.ReturnsAsync(
            async () =>
            {
                var host = await HostOfAsync(grain);
                if (host != silo && requested.Elapsed > TimeSpan.FromSeconds(1))
                {
                    await RequestMigrationAsync(grain, silo);
                    requested.Restart();
                }
                return host;
            },
            host => host == silo,
            $"grain {grain.GetGrainId()} to move to silo {silo.SiloAddress}",
            TimeSpan.FromSeconds(10));
    }

    private static async Task RequestMigrationAsync(IAddressable grain, SiloHandle silo)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            await grain.Cast<IGrainManagementExtension>().MigrateOnIdle();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>
    /// A running secondary silo, for a test to stop (the primary holds the test cluster's membership, so it stays): the
    /// first one still active, or a new one when an earlier test of the collection stopped the last. Tests that stop
    /// silos then do not depend on running in a particular order.
    /// </summary>
    public async Task<SiloHandle> RunningSecondarySiloAsync() =>
        Cluster.SecondarySilos.FirstOrDefault(s => s.IsActive) ?? await Cluster.StartAdditionalSiloAsync();

    /// <summary>
    /// The silo holding the grain's activation, or null when none does. Asks every silo's catalog rather than the
    /// grain directory, whose cached entries can outlive a deactivation.
    /// </summary>
    public async Task<SiloHandle?> HostOfAsync(IAddressable grain)
    {
        var grainId = grain.GetGrainId();
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var address = statistics.FirstOrDefault(s => s.GrainId.Equals(grainId))?.SiloAddress;
        return address is null ? null : Cluster.Silos.SingleOrDefault(s => s.SiloAddress.Equals(address));
    }
}
