namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>Creates an article or replaces its draft. An empty <see cref="Slug"/> is made from the title.</summary>
/// <param name="Body">Markdown.</param>
[GenerateSerializer, Immutable, Alias("crm.knowledge-base.save-article-draft")]
public sealed record SaveArticleDraft(string Title, string Category, string? Slug, string Body, string Actor);
