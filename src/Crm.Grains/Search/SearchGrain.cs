using Crm.Grains.Abstractions.Search;
using Orleans.Concurrency;

namespace Crm.Grains.Search;

/// <summary>
/// Answers searches on the silo that hosts the engine. Stateless: each silo's activations share the engine and the
/// rebuilder (singletons). A query with no words and no filters is answered without asking the engine.
/// </summary>
[StatelessWorker]
public sealed class SearchGrain(ISearchIndex index, SearchRebuilder rebuilder) : Grain, ISearchGrain
{
    public async Task<SearchResults> SearchAsync(SearchQuery query)
    {
        if (query.Text.Length == 0 && !query.HasFilters)
            return SearchResults.Nothing("Type a name, an email address, a phone number or words from a conversation.");
        try
        {
            return await index.SearchAsync(query, CancellationToken.None);
        }
        catch (SearchUnavailableException exception) when (exception.InnerException is not null)
        {
            // The engine's own exception types need not cross the wire: the message is what the user gets.
            throw new SearchUnavailableException(exception.Message);
        }
    }

    public Task<bool> StartRebuildAsync() => Task.FromResult(rebuilder.TryStart());

    public Task<SearchRebuildStatus> GetRebuildStatusAsync() => Task.FromResult(rebuilder.Status);
}
