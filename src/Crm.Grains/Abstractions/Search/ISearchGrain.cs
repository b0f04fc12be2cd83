namespace Crm.Grains.Abstractions.Search;

/// <summary>Searches and rebuilds the index on whichever silo hosts the engine. Key: 0 (stateless).</summary>
public interface ISearchGrain : IGrainWithIntegerKey
{
    /// <summary>Answers a query; <see cref="SearchUnavailableException"/> when the engine is down.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query);

    /// <summary>Starts a full rebuild from the event store into a new index that replaces the live one when caught up; false when one is already running.</summary>
    Task<bool> StartRebuildAsync();

    /// <summary>Whether a rebuild is running, and how the last one ended.</summary>
    Task<SearchRebuildStatus> GetRebuildStatusAsync();
}
