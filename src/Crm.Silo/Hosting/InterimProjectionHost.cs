using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Hosting;

/// <summary>
/// A stand-in that feeds each registered <see cref="IProjection"/> until the projection runner of issue 10 is merged:
/// then this file goes, and the embeddings projection is registered with <c>AddCrmProjection</c> instead. It keeps to
/// the contract (own checkpoint first, filtered pages in position order, woken by commits where the store signals
/// them, else a short poll) and stops a projection loudly on a failing batch, retrying with a backoff.
/// </summary>
public sealed class InterimProjectionHost(IEnumerable<IProjection> projections, IEventStore store, IServiceProvider services, ILogger<InterimProjectionHost> logger)
    : BackgroundService
{
    private const int PageSize = 200;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(projections.Select(p => Task.Run(() => RunAsync(p, stoppingToken), stoppingToken)));

    private async Task RunAsync(IProjection projection, CancellationToken stoppingToken)
    {
        var signal = services.GetService<ICommitSignal>();
        var backoff = TimeSpan.FromSeconds(1);
        long? checkpoint = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                checkpoint ??= await projection.ReadOwnCheckpointAsync(stoppingToken) ?? 0;
                var page = await store.ReadAsync(projection.Filter, checkpoint.Value, PageSize, stoppingToken);
                if (page.Events.Count > 0 || page.ReadUpTo > checkpoint)
                {
                    await projection.HandleAsync(page.Events, Math.Max(page.ReadUpTo, page.Events.LastOrDefault()?.Position ?? 0), stoppingToken);
                    checkpoint = Math.Max(page.ReadUpTo, page.Events.LastOrDefault()?.Position ?? 0);
                }
                backoff = TimeSpan.FromSeconds(1);
                if (!page.ReachedHead) continue;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(Poll);
                try
                {
                    if (signal is not null) await signal.WaitForCommitAsync(checkpoint.Value, wait.Token);
                    else await Task.Delay(Poll, stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Projection {Projection} stopped at position {Position}; retrying in {Backoff}", projection.Name, checkpoint, backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, backoff.Ticks * 2));
            }
        }
    }
}
