namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// The search engine Crm.Grains talks to; Crm.Silo binds Lucene.NET (single node) or Elasticsearch (cluster) by
/// configuration (<c>Crm:Search:Provider</c>). Every method throws <see cref="SearchUnavailableException"/> when the
/// engine cannot be reached.
/// </summary>
public interface ISearchIndex : ISearchIndexWriter
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>A new, empty index beside the live one, for a full rebuild.</summary>
    Task<ISearchIndexWriter> CreateRebuildTargetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Holds every live write, runs <paramref name="finalCatchUp"/> (which brings <paramref name="rebuilt"/> up to the
    /// store's head), then makes <paramref name="rebuilt"/> the live index. Searches keep answering throughout.
    /// </summary>
    Task SwapInAsync(ISearchIndexWriter rebuilt, Func<CancellationToken, Task> finalCatchUp, CancellationToken cancellationToken);
}
