namespace Crm.Grains.Abstractions.Ai;

/// <summary>An article a draft relies on, at the published version it was drafted from.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.citation")]
public sealed record Citation(string ArticleId, string Slug, string Title, int Version);
