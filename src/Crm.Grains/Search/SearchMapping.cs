using Crm.Grains.Abstractions.Search;

namespace Crm.Grains.Search;

/// <summary>
/// What an index is built for: each mapper's category and event types, and <see cref="Version"/> (raise it when a
/// mapper folds the same events differently, or an engine lays documents out differently). An index recorded with
/// another mapping, or with none, misses what the new mappers would have made of old events (articles written before
/// articles were indexed), so it is rebuilt.
/// </summary>
public static class SearchMapping
{
    /// <summary>
    /// 2: a conversation's messages are a log the engine places (Lucene: a window, then sealed log documents). 3: an email
    /// address is no longer indexed from its top-level domain ("com", "co.uk"; see EmailFragments).
    /// </summary>
    public const int Version = 3;

    public static string Of(IReadOnlyList<ISearchDocumentMapper> mappers) =>
        $"v{Version};" + string.Join(";", mappers
            .Select(m => $"{m.Category}:{string.Join(",", m.EventTypes.Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));

    public static string Current { get; } = Of(SearchDocumentMappers.All);
}
