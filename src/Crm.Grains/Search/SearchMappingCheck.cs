using Crm.Grains.Abstractions.Search;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Search;

/// <summary>
/// On start, compares what the index was built for with what the indexer now reads (<see cref="SearchMapping"/>). A new
/// index is stamped; an index built for other kinds is rebuilt in the background (searches keep answering from it
/// until the swap), when <paramref name="rebuildOnChange"/> says this node owns its index. A shared index (Elasticsearch)
/// is left for an admin's rebuild, with a warning, so that several nodes do not rebuild it at once.
/// </summary>
public sealed class SearchMappingCheck(ISearchIndex index, SearchRebuilder rebuilder, bool rebuildOnChange, ILogger<SearchMappingCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var recorded = await index.ReadMappingAsync(stoppingToken);
            if (recorded == SearchMapping.Current) return;
            if (recorded is null && await index.ReadCheckpointAsync(stoppingToken) is null)
            {
                await index.RecordMappingAsync(SearchMapping.Current, stoppingToken);
                return;
            }

            if (!rebuildOnChange)
            {
                logger.LogWarning("The search index was built for other kinds of documents; rebuild it (admin, Search) so they cover older records");
                return;
            }

            logger.LogInformation("The search index was built for other kinds of documents; rebuilding it in the background");
            rebuilder.TryStart(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Search answers as before; the check runs again at the next start.
            logger.LogWarning(exception, "Could not compare the search index with the indexer's mapping");
        }
    }
}
