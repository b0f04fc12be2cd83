using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Projections;

/// <summary>
/// A projection whose target lives in this process (an embedded Lucene index, the assistant's article vectors): it
/// must run on every node, because every node answers from its own copy. Registered with
/// <see cref="ProjectionServiceCollectionExtensions.AddCrmNodeProjection"/>; cluster-wide targets use the runner.
/// </summary>
public sealed record NodeProjection(IProjection Projection);

/// <summary>
/// Feeds every <see cref="NodeProjection"/> of this node through the shared <see cref="ProjectionCursor"/> (the same
/// paging, poison-event isolation, backoff and lag reports as the grains' projections) from its own checkpoint, read
/// from the target so it survives a crash, up to the head; then waits for the store's commit signal with a backstop.
/// A failing event stops that projection alone, before the event; it retries with the cursor's backoff and reads its
/// checkpoint again first (it may have been swapped for a rebuilt index). Its progress is reported as
/// "{projection}@{silo}" in <c>/health/ready</c> and the <see cref="ProjectionMonitor.MeterName"/> meter, since each
/// node has its own.
/// </summary>
public sealed class NodeProjectionHost(IEnumerable<NodeProjection> projections, ProjectionServices services,
    ILogger<NodeProjectionHost> logger, ILocalSiloDetails? silo = null) : BackgroundService
{
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(projections.Select(p => Task.Run(() => RunAsync(p.Projection, stoppingToken), stoppingToken)));

    private async Task RunAsync(IProjection projection, CancellationToken stoppingToken)
    {
        var name = silo is null ? projection.Name : $"{projection.Name}@{silo.SiloAddress.ToParsableString()}";
        try
        {
            await FollowAsync(projection, name, stoppingToken);
        }
        finally
        {
            services.Monitor.Forget(name);
        }
    }

    private async Task FollowAsync(IProjection projection, string name, CancellationToken stoppingToken)
    {
        // Not bound by a grain turn: bigger pages mean fewer, larger index commits while catching up.
        var cursor = new ProjectionCursor(name, projection.Filter, services, pageSize: ProjectionPump.BatchSize);
        var resume = true;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                if (resume) cursor.Resume(await projection.ReadOwnCheckpointAsync(stoppingToken) ?? cursor.Checkpoint);
                resume = false;
                while (!await cursor.StepAsync((batch, readUpTo) => projection.HandleAsync(batch, readUpTo, stoppingToken), stoppingToken))
                {
                }
                retry = FirstRetry;
                var caughtUpAt = Environment.TickCount64;
                await WaitForCommitAsync(cursor.Checkpoint, stoppingToken);
                // The first commit after a quiet spell is read at once; a steady stream, once per Pace.
                var early = projection.Pace - TimeSpan.FromMilliseconds(Environment.TickCount64 - caughtUpAt);
                if (early > TimeSpan.Zero) await Task.Delay(early, stoppingToken);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ProjectionStoppedException)
            {
                // Logged, counted and reported by the cursor, which holds the backoff.
                pause = cursor.RetryDelay > TimeSpan.Zero ? cursor.RetryDelay : FirstRetry;
            }
            catch (Exception exception)
            {
                // Not an event's fault: the store or the target could not be reached.
                logger.LogError(exception, "Node projection {Projection} could not read on from position {Position}; retrying in {Retry}",
                    name, cursor.Checkpoint, retry);
                pause = retry;
                retry = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, retry.Ticks * 2));
            }
            resume = true;
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WaitForCommitAsync(long after, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(Backstop);
        try
        {
            await services.Signal.WaitForCommitAsync(after, wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The backstop: a commit the signal missed is read now.
        }
    }
}
