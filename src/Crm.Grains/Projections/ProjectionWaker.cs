using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Snapshots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Grains.Projections;

/// <summary>
/// One per silo: wakes the projection partitions active here when <see cref="ICommitSignal"/> says something was
/// committed, and, every <see cref="ProjectionOptions.BackstopPoll"/>, every partition the store knows of (its snapshot or
/// marker under "projection/") plus every hosted <see cref="IProjection"/>. That poll carries what no signal announces (a
/// shared SQLite file's other writers) and re-activates, wherever Orleans places it, a partition whose silo stopped, so
/// each projection keeps running once per cluster. At most one wake per partition is in flight; commits that arrive
/// meanwhile become one more wake after it, so a burst of commits costs each partition one read, not one per commit.
/// </summary>
public sealed class ProjectionWaker(
    IGrainFactory grains,
    ICommitSignal signal,
    ISnapshotStore snapshots,
    ProjectionWakeList wakeList,
    IEnumerable<IProjection> hosted,
    IOptions<ProjectionOptions> options,
    ILogger<ProjectionWaker> logger) : BackgroundService
{
    // Lets a burst of group commits land before the wake: one read per partition per burst.
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<GrainId, bool> _inFlight = [];
    private readonly string[] _hostedNames = [.. hosted.Select(p => p.Name).Distinct(StringComparer.Ordinal)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var seen = signal.Head;
        var nextBackstop = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            var untilBackstop = nextBackstop - DateTimeOffset.UtcNow;
            if (untilBackstop > TimeSpan.Zero)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(untilBackstop);
                try
                {
                    await signal.WaitForCommitAsync(seen, wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            seen = Math.Max(seen, signal.Head);
            try
            {
                if (DateTimeOffset.UtcNow >= nextBackstop)
                {
                    nextBackstop = DateTimeOffset.UtcNow + options.Value.BackstopPoll;
                    foreach (var grain in await KnownPartitionsAsync(stoppingToken)) Wake(grain);
                }
                else
                {
                    await Task.Delay(Coalesce, stoppingToken);
                    seen = Math.Max(seen, signal.Head);
                    foreach (var grain in wakeList.Active) Wake(grain);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store or the silo is not there yet (start-up) or not now: the next poll tries again.
                logger.LogDebug(ex, "Waking the projections failed; retrying on the next poll");
            }
        }
    }

    private async Task<IEnumerable<IProjectionPartitionGrain>> KnownPartitionsAsync(CancellationToken cancellationToken)
    {
        var keys = await snapshots.ListKeysAsync(ProjectionWakeList.KeyPrefix, cancellationToken);
        return keys.Select(key => wakeList.Find(grains, key)).OfType<IProjectionPartitionGrain>()
            .Concat(_hostedNames.Select(name => grains.GetGrain<IHostedProjectionGrain>(name)))
            .Concat(wakeList.Active);
    }

    private void Wake(IProjectionPartitionGrain grain)
    {
        var id = grain.GetGrainId();
        lock (_gate)
        {
            if (_inFlight.ContainsKey(id))
            {
                _inFlight[id] = true;
                return;
            }
            _inFlight[id] = false;
        }
        _ = RunAsync(grain, id);
    }

    private async Task RunAsync(IProjectionPartitionGrain grain, GrainId id)
    {
        while (true)
        {
            try
            {
                await grain.WakeAsync();
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Waking projection grain {GrainId} failed; the next commit or poll tries again", id);
            }
            lock (_gate)
            {
                if (!_inFlight[id])
                {
                    _inFlight.Remove(id);
                    return;
                }
                _inFlight[id] = false;
            }
        }
    }
}
