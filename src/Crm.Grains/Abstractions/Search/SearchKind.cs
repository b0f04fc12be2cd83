namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// What a search document is. Each kind has one document mapper (see <see cref="ISearchDocumentMapper"/>); companies,
/// deals and knowledge-base articles join by adding a value here and a mapper for their stream category.
/// </summary>
[GenerateSerializer, Alias("crm.search.kind")]
public enum SearchKind
{
    Customer = 0,
    Conversation = 1,
    Company = 2,
    Article = 3,
    Deal = 4,
}
