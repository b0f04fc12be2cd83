namespace Crm.Silo.Infrastructure.Search;

public enum SearchProvider
{
    /// <summary>A Lucene.NET index in the data folder: one node.</summary>
    Lucene,

    /// <summary>Elasticsearch (<c>ConnectionStrings:CrmElasticsearch</c>): a cluster.</summary>
    Elasticsearch,
}
