using Crm.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Crm.Silo.Infrastructure.Search;

/// <summary>
/// <c>Crm:Search:Provider</c> (Lucene, default | Elasticsearch), <c>Crm:Search:IndexName</c> (the Elasticsearch alias,
/// default crm-search), <c>ConnectionStrings:CrmElasticsearch</c>; the Lucene index lives in <c>{Crm:DataPath}/search/lucene</c>.
/// </summary>
public sealed class SearchOptions
{
    public const string SectionName = "Crm:Search";
    public const string ConnectionStringName = "CrmElasticsearch";

    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    public string IndexName { get; set; } = "crm-search";

    public string? ElasticsearchUrl { get; set; }

    public string LucenePath { get; set; } = "";

    public static SearchOptions FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<SearchOptions>() ?? new SearchOptions();
        options.ElasticsearchUrl = configuration.GetConnectionString(ConnectionStringName);
        options.LucenePath = DataPaths.Combine(configuration, "search", "lucene");
        if (options.Provider == SearchProvider.Elasticsearch && string.IsNullOrWhiteSpace(options.ElasticsearchUrl))
            throw new InvalidOperationException($"Crm:Search:Provider is Elasticsearch but ConnectionStrings:{ConnectionStringName} is not set.");
        return options;
    }
}
