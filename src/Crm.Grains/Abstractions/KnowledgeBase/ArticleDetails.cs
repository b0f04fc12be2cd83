namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>An article as its editors see it: the draft, and what is published of it.</summary>
/// <param name="PublishedVersion">0 when never published; the help center shows <see cref="Published"/> only while <see cref="Status"/> is Published.</param>
[GenerateSerializer, Immutable, Alias("crm.knowledge-base.article-details")]
public sealed record ArticleDetails(
    string WorkspaceId,
    string ArticleId,
    string Slug,
    string Title,
    string Category,
    string Body,
    ArticleStatus Status,
    int PublishedVersion,
    bool HasUnpublishedChanges,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    PublishedArticle? Published);
