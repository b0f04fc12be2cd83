namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// One searchable thing of one workspace, as every engine indexes it. Short fields (<see cref="Names"/>, emails,
/// phones) are matched as you type; <see cref="Texts"/> are public message bodies; <see cref="InternalTexts"/> are internal
/// notes, searched only for staff the authorization matrix lets read them. <see cref="LastPosition"/> is the store
/// position of the last event folded in: a mapper skips events at or before it, so replaying a batch never doubles text.
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
