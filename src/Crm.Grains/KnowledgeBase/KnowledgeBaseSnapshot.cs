namespace Crm.Grains.KnowledgeBase;

/// <summary>The article catalog as saved: every article's fold, by article id.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.snapshot")]
public sealed record KnowledgeBaseSnapshot([property: Id(0)] Dictionary<string, ArticleState> Articles);
