using Crm.Grains.Abstractions.EventStore;
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
/// Feeds every <see cref="NodeProjection"/> of this node from its own checkpoint (read from the target, so it survives
/// a crash and follows a swapped-in rebuild) up to the head, then waits for the store's commit signal with a backstop.
/// A failing batch stops that projection alone at its position; it retries with a backoff (capped at a minute) and
/// reads its checkpoint again first. Its progress joins the runner's in <c>/health/ready</c> and the
/// <see cref="ProjectionMonitor.MeterName"/> meter, named "{projection}@{silo}" since each node has its own.
/// </summary>
public sealed class NodeProjectionHost(IEnumerable<NodeProjection> projections, IEventStore store, ICommitSignal signal,
    ILogger<NodeProjectionHost> logger, ProjectionMonitor? monitor = null, ILocalSiloDetails? silo = null) : BackgroundService
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
            monitor?.Forget(name);
        }
    }

    private async Task FollowAsync(IProjection projection, string name, CancellationToken stoppingToken)
    {
        long? position = null;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                position ??= await projection.ReadOwnCheckpointAsync(stoppingToken) ?? 0;
                position = await ProjectionPump.CatchUpAsync(store, projection, position.Value, stoppingToken);
                retry = FirstRetry;
                Report(name, position.Value, failure: null);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(Backstop);
                try
                {
                    await signal.WaitForCommitAsync(position.Value, wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The backstop: a commit the signal missed is read now.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Node projection {Projection} stopped at position {Position}; retrying in {Retry}",
                    name, position, retry);
                monitor?.Failed(name);
                Report(name, position ?? 0, exception.Message);
                position = null;
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, retry.Ticks * 2));
            }
        }
    }

    private void Report(string name, long position, string? failure)
    {
        if (monitor is null) return;
        var head = Math.Max(position, signal.Head);
        monitor.Report(new ProjectionStatus(name, position, head, 0, failure is null ? null : position, failure, monitor.Now,
            CaughtUp: failure is null));
    }
}
