using System.Text.Json.Serialization;

namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// One searchable thing of one workspace, as every engine indexes it. Short fields (<see cref="Names"/>, emails,
/// phones) are matched as you type; <see cref="Texts"/> are the thing's own public text (an article's body), replaced
/// as a whole; <see cref="InternalTexts"/> are internal notes, searched only for staff the authorization matrix lets
/// read them. A conversation's messages are a log instead: see <see cref="AppendedTexts"/>. <see cref="LastPosition"/> is
/// the store position of the last event folded in: a mapper skips events at or before it, so replaying a batch never
/// doubles text.
/// </summary>
public sealed record SearchDocument(
    string WorkspaceId,
    SearchKind Kind,
    string Id,
    string Title,
    string? Subtitle,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Texts,
    IReadOnlyList<string> InternalTexts,
    string? Status,
    string? AssigneeId,
    string? AssigneeName,
    IReadOnlyList<string> Labels,
    string? Channel,
    string? QueueId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long LastPosition)
{
    /// <summary>
    /// Public texts this fold added to the document's log (a conversation's messages), for the engine to place: Lucene
    /// keeps a window of the newest in the document and seals full windows into documents of their own, never rewritten,
    /// so a long conversation costs each batch a window, not its whole history; Elasticsearch adds them to
    /// <see cref="Texts"/>. Never stored as such (<see cref="JsonIgnoreAttribute"/>): what an engine hands back holds
    /// them where it placed them, or not at all.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> AppendedTexts { get; init; } = [];

    /// <summary>Internal notes this fold added to the log; as <see cref="AppendedTexts"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AppendedInternalTexts { get; init; } = [];

    /// <summary>The document as an engine hands it back: without the log texts already written.</summary>
    public SearchDocument WithoutAppended() =>
        AppendedTexts.Count == 0 && AppendedInternalTexts.Count == 0 ? this : this with { AppendedTexts = [], AppendedInternalTexts = [] };

    /// <summary>Characters of log text folded in so far, messages and notes (held to <see cref="SearchLimits.MaxTextCharacters"/>).</summary>
    public int TextCharacters { get; init; }

    /// <summary>Engines store a document under this key: workspace, kind and id, so no two workspaces ever share one.</summary>
    public string Key => KeyOf(WorkspaceId, Kind, Id);

    /// <summary>
    /// The thing is gone (a deleted or unpublished article): engines drop the document, so no query finds it. The
    /// indexer may still read it back as written until the next refresh, and a mapper folds later events onto it.
    /// </summary>
    public bool Removed { get; init; }

    public static string KeyOf(string workspaceId, SearchKind kind, string id) => $"{workspaceId}|{kind}|{id}";

    public static SearchDocument Empty(string workspaceId, SearchKind kind, string id) =>
        new(workspaceId, kind, id, "", null, [], [], [], [], [], null, null, null, [], null, null, default, default, 0);
}
