using Crm.Grains.EventSourcing;

namespace Crm.Grains.KnowledgeBase.Events;

/// <summary>Draft and published version are gone.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.article-deleted.v1")]
public sealed record ArticleDeleted : DomainEvent;
