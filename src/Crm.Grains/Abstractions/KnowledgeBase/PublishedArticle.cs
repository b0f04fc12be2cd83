namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>A published version of an article: what the help center, the answer bot and drafted replies may cite.</summary>
[GenerateSerializer, Immutable, Alias("crm.knowledge-base.published-article")]
public sealed record PublishedArticle(
    string WorkspaceId,
    string ArticleId,
    string Slug,
    string Title,
    string Category,
    string Body,
    int Version,
    DateTimeOffset PublishedAt);
