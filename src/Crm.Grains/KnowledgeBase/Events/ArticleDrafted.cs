using Crm.Grains.EventSourcing;

namespace Crm.Grains.KnowledgeBase.Events;

/// <summary>The draft was created or replaced.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.article-drafted.v1")]
public sealed record ArticleDrafted(string Slug, string Title, string Category, string Body) : DomainEvent;
