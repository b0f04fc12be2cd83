using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Ai.Retrieval;

/// <summary>A published article with its embedded passages, as the index keeps it.</summary>
public sealed record IndexedArticle(PublishedArticle Article, IReadOnlyList<Passage> Passages);
