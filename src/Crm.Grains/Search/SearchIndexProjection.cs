using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Search;

namespace Crm.Grains.Search;

/// <summary>
/// The search indexer: folds each batch of customer and conversation events into documents and writes them with the
/// checkpoint in one step. Within a batch a document is read and written once however many events touch it, and an
/// event at or before a document's <see cref="SearchDocument.LastPosition"/> is skipped, so a batch handed twice
/// (after a crash, or during a rebuild's swap) changes nothing.
/// </summary>
public sealed class SearchIndexProjection(ISearchIndexWriter index, IReadOnlyList<ISearchDocumentMapper>? mappers = null) : IProjection
{
    public const string ProjectionName = "search";

    private readonly IReadOnlyList<ISearchDocumentMapper> mappers = mappers ?? SearchDocumentMappers.All;

    public IReadOnlyList<ISearchDocumentMapper> Mappers => mappers;

    public string Name => ProjectionName;

    /// <summary>
    /// A conversation's document is read back and rewritten whole for each batch that touches it: at chat rates, reading
    /// after every commit rewrote it once per message (a fifth of the server's CPU in the chat benchmark). A quarter of a
    /// second folds a burst's messages into one rewrite per conversation and stays well inside "searchable within a second".
    /// </summary>
    public TimeSpan Pace => TimeSpan.FromMilliseconds(250);

    public EventFilter Filter => SearchDocumentMappers.Filter(mappers);

    /// <summary>Documents written since this projection was made (what a rebuild reports).</summary>
    public long DocumentsWritten { get; private set; }

    public Task<long?> ReadOwnCheckpointAsync(CancellationToken cancellationToken) => index.ReadCheckpointAsync(cancellationToken);

    public async Task HandleAsync(IReadOnlyList<StoredEvent> batch, long readUpTo, CancellationToken cancellationToken)
    {
        var routed = batch
            .Select(e => (Event: e, Mapper: MapperOf(e)))
            .Where(x => x.Mapper is not null)
            .Select(x => (x.Event, Mapper: x.Mapper!, Key: x.Mapper!.KeyOf(x.Event)))
            .Where(x => x.Key is not null)
            .ToList();
        var existing = routed.Count == 0
            ? new Dictionary<string, SearchDocument>()
            : await index.GetDocumentsAsync(routed.Select(x => x.Key!).Distinct().ToList(), cancellationToken);

        var changed = new Dictionary<string, SearchDocument?>();
        foreach (var (stored, mapper, key) in routed)
        {
            var current = changed.TryGetValue(key!, out var pending) ? pending : existing.GetValueOrDefault(key!);
            if (current is not null && current.LastPosition >= stored.Position) continue;
            var next = mapper.Apply(current, stored);
            if (next is not null) changed[key!] = next with { LastPosition = stored.Position };
        }

        var documents = changed.Values.OfType<SearchDocument>().ToList();
        await index.WriteAsync(documents, readUpTo, cancellationToken);
        DocumentsWritten += documents.Count;
    }

    private ISearchDocumentMapper? MapperOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } stream
            ? mappers.FirstOrDefault(m => m.Category == stream.Category && m.EventTypes.Contains(stored.Type))
            : null;
}
