using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Projections;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Crm.Silo.Infrastructure.Search.Elasticsearch;
using Crm.Silo.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the search engine chosen by <c>Crm:Search:Provider</c> (<see cref="SearchOptions"/>) as
    /// <see cref="ISearchIndex"/>, the rebuilder, and the indexer that keeps the index up with the event store.
    /// </summary>
    public static IServiceCollection AddCrmSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SearchOptions.FromConfiguration(configuration);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISearchIndex>(provider => CreateIndex(options, provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<SearchRebuilder>();
        services.AddHostedService(provider => new SearchMappingCheck(
            provider.GetRequiredService<ISearchIndex>(), provider.GetRequiredService<SearchRebuilder>(),
            rebuildOnChange: options.Provider == SearchProvider.Lucene, provider.GetRequiredService<ILogger<SearchMappingCheck>>()));
        // The checkpoint lives in the index's own commits, so a crash between a commit and a checkpoint cannot skip or
        // double a document. An embedded index is per node, so its indexer is too; a shared one runs once per cluster.
        if (options.Provider == SearchProvider.Lucene)
            services.AddCrmNodeProjection(provider => new SearchIndexProjection(provider.GetRequiredService<ISearchIndex>()));
        else services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, SearchIndexProjection>(
            provider => new SearchIndexProjection(provider.GetRequiredService<ISearchIndex>())));
        return services;
    }

    /// <summary>The configured engine, for hosts without dependency injection (the reindex command).</summary>
    public static ISearchIndex CreateIndex(SearchOptions options, ILoggerFactory loggers) => options.Provider switch
    {
        SearchProvider.Elasticsearch => ElasticsearchSearchIndex.Connect(options.ElasticsearchUrl!, options.IndexName, loggers.CreateLogger<ElasticsearchSearchIndex>()),
        _ => new LuceneSearchIndex(options.LucenePath, loggers.CreateLogger<LuceneSearchIndex>()),
    };
}
