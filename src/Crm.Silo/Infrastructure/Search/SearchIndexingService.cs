using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.Search;

/// <summary>
/// The indexer of an embedded (Lucene) index: a node-local projection. Every silo answers searches from its own index
/// (SearchGrain is a stateless worker), so every silo must index every event: unlike the once-per-cluster projections
/// of the runner, this one runs on each node. A shared engine (Elasticsearch) runs once per cluster on the runner.
/// Catches up from the index's own checkpoint, then follows commits (the store's commit signal, a 5 s backstop).
/// An engine that is down is retried every few seconds; indexing resumes where the index's checkpoint says.
/// </summary>
internal sealed class SearchIndexingService(IServiceProvider services, ILogger<SearchIndexingService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = services.GetRequiredService<IEventStore>();
        var projection = new SearchIndexProjection(services.GetRequiredService<ISearchIndex>());
        var signal = services.GetService<ICommitSignal>();
        long? position = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                position ??= await projection.ReadOwnCheckpointAsync(stoppingToken) ?? 0;
                position = await ProjectionPump.CatchUpAsync(store, projection, position.Value, stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(signal is null ? Poll : TimeSpan.FromSeconds(5));
                try
                {
                    if (signal is null) await Task.Delay(Timeout.Infinite, wait.Token);
                    else await signal.WaitForCommitAsync(position.Value, wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Search indexing stopped at position {Position}; retrying", position);
                // The index may have been swapped or reopened: read its checkpoint again.
                position = null;
                await Task.Delay(Retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
