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
/// reads its checkpoint again first.
/// </summary>
public sealed class NodeProjectionHost(IEnumerable<NodeProjection> projections, IEventStore store, ICommitSignal signal,
    ILogger<NodeProjectionHost> logger) : BackgroundService
{
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(projections.Select(p => Task.Run(() => RunAsync(p.Projection, stoppingToken), stoppingToken)));

    private async Task RunAsync(IProjection projection, CancellationToken stoppingToken)
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
                    projection.Name, position, retry);
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
}
