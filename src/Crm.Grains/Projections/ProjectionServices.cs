using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Grains.Projections;

/// <summary>What every projection runner needs from its silo, resolved once (a singleton).</summary>
public sealed class ProjectionServices(
    IEventStore store,
    ICommitSignal signal,
    ISnapshotStore snapshots,
    ProjectionMonitor monitor,
    ProjectionWakeList wakeList,
    SnapshotCodec codec,
    IOptions<ProjectionOptions> options,
    ILogger<ProjectionCursor> logger)
{
    public IEventStore Store => store;
    public ICommitSignal Signal => signal;
    public ISnapshotStore Snapshots => snapshots;
    public ProjectionMonitor Monitor => monitor;
    public ProjectionWakeList WakeList => wakeList;
    public SnapshotCodec Codec => codec;
    public ProjectionOptions Options => options.Value;
    public ILogger Logger => logger;
}
