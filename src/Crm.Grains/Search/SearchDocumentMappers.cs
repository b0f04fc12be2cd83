using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search.Mappers;

namespace Crm.Grains.Search;

/// <summary>Every kind the index holds. A new kind (companies, deals, articles) is one more mapper in <see cref="All"/>.</summary>
public static class SearchDocumentMappers
{
    public static readonly IReadOnlyList<ISearchDocumentMapper> All =
        [new CustomerDocumentMapper(), new ConversationDocumentMapper(), new CompanyDocumentMapper(), new ArticleDocumentMapper(),
            new DealDocumentMapper()];

    /// <summary>What the indexer reads: the mappers' categories and event types, every workspace.</summary>
    public static EventFilter Filter(IReadOnlyList<ISearchDocumentMapper> mappers) =>
        new(mappers.Select(m => m.Category).Distinct().ToList(), mappers.SelectMany(m => m.EventTypes).Distinct().ToList());
}
