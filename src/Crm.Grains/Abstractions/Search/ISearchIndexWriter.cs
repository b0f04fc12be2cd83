namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// One physical index as the indexing projection writes it. <see cref="WriteAsync"/> stores the documents and the
/// checkpoint together (one Lucene commit, or the documents then the checkpoint document on Elasticsearch, where
/// per-document <see cref="SearchDocument.LastPosition"/> makes a replay harmless), so a crash never loses or doubles anything.
/// </summary>
public interface ISearchIndexWriter
{
    /// <summary>The store position this index has folded in up to; null for a new index.</summary>
    Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the index was built for (<see cref="SearchMapping"/>: the kinds and events its indexer read); null for an
    /// index written before it was recorded. An index built for other kinds is rebuilt, so new kinds cover old events.
    /// </summary>
    Task<string?> ReadMappingAsync(CancellationToken cancellationToken);

    /// <summary>Records what the index is built for, durably.</summary>
    Task RecordMappingAsync(string mapping, CancellationToken cancellationToken);

    /// <summary>The current documents with these keys (<see cref="SearchDocument.Key"/>); missing keys are absent.</summary>
    Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces these documents (drops those marked <see cref="SearchDocument.Removed"/>) and records
    /// <paramref name="checkpoint"/>; searchable within a second of returning.
    /// </summary>
    Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken);
}
