namespace Crm.Ai.Retrieval;

/// <summary>
/// How hybrid retrieval fuses its signals (a weighted sum of scores in 0–1) and when a match is confident enough to
/// suggest. Tuned on the ai-eval benchmark's labelled questions: change them there, and nowhere else.
/// </summary>
public sealed record RetrievalWeights(double Semantic, double Title, double Lexical, double MinConfidence)
{
    public static RetrievalWeights Default { get; } = new(Semantic: 0.55, Title: 0.15, Lexical: 0.30, MinConfidence: 0.30);

    /// <summary>BM25 only, the baseline the benchmark measures the hybrid against.</summary>
    public static RetrievalWeights LexicalOnly { get; } = new(Semantic: 0, Title: 0, Lexical: 1, MinConfidence: 0.01);
}
