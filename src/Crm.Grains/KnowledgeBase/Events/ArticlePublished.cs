using Crm.Grains.EventSourcing;

namespace Crm.Grains.KnowledgeBase.Events;

/// <summary>The draft was published as Version: the event carries the whole version, so readers (catalog, embeddings) need no grain call.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.article-published.v1")]
public sealed record ArticlePublished(int Version, string Slug, string Title, string Category, string Body) : DomainEvent;
