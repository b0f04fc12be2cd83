namespace Crm.Grains.Abstractions.Ai;

/// <summary>A published article that answers a question, with the passage that matched best and the scores that put it here.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.article-match")]
public sealed record ArticleMatch(
    string ArticleId,
    string Slug,
    string Title,
    int Version,
    string Passage,
    double Score,
    IReadOnlyList<Signal> Signals);
