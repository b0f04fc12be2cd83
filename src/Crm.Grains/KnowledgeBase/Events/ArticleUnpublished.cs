using Crm.Grains.EventSourcing;

namespace Crm.Grains.KnowledgeBase.Events;

/// <summary>Taken off the help center; the draft stays.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.article-unpublished.v1")]
public sealed record ArticleUnpublished : DomainEvent;
