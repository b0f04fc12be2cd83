using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// Folds one stream category's events into documents of one <see cref="SearchKind"/>. Adding a searchable kind
/// (companies, deals, articles) is adding one mapper to the indexer's list.
/// </summary>
public interface ISearchDocumentMapper
{
    /// <summary>The stream category (see <c>StreamIds</c>) whose events this mapper reads.</summary>
    string Category { get; }

    /// <summary>The stored event types it folds; the indexer reads only these.</summary>
    IReadOnlyList<string> EventTypes { get; }

    /// <summary>The key of the document <paramref name="stored"/> changes, or null when it changes none.</summary>
    string? KeyOf(StoredEvent stored);

    /// <summary>The document after <paramref name="stored"/>; <paramref name="current"/> is null when it does not exist yet.</summary>
    SearchDocument? Apply(SearchDocument? current, StoredEvent stored);
}
