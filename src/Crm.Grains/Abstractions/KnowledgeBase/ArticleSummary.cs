namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>A line of the article list. <see cref="PublishedSlug"/> and <see cref="PublishedTitle"/> are the help center's, null while unpublished.</summary>
[GenerateSerializer, Immutable, Alias("crm.knowledge-base.article-summary")]
public sealed record ArticleSummary(
    string ArticleId,
    string Slug,
    string Title,
    string Category,
    ArticleStatus Status,
    int PublishedVersion,
    bool HasUnpublishedChanges,
    DateTimeOffset UpdatedAt,
    string? PublishedSlug = null,
    string? PublishedTitle = null,
    string? PublishedCategory = null);
