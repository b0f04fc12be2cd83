using System.Collections.Concurrent;
using Crm.Ai.Embeddings;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.Engines;

/// <summary>
/// The default engine: no network, no key. Hybrid retrieval over the workspace's published articles, drafts quoted
/// from the best passages, rule-weighted next-best actions, extractive summaries. The question is embedded once per
/// call and shared by retrieval and canned-response matching.
/// </summary>
public sealed class OfflineAssistant(HybridRetriever retriever, RetrievalWeights weights) : ISupportAssistant
{
    private const int MaxCachedCanned = 2_000;
    private readonly ConcurrentDictionary<string, float[]> _cannedVectors = new(StringComparer.Ordinal);

    public OfflineAssistant(HybridRetriever retriever) : this(retriever, RetrievalWeights.Default)
    {
    }

    public Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(string workspaceId, string query, int take, CancellationToken cancellationToken) =>
        retriever.SearchAsync(workspaceId, query, take, weights, cancellationToken);

    public async Task<DraftReply> DraftReplyAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var (matches, _) = await MatchAsync(context, cancellationToken);
        return DraftComposer.Compose(context, matches);
    }

    public async Task<IReadOnlyList<NextBestAction>> SuggestActionsAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var (matches, vector) = await MatchAsync(context, cancellationToken);
        var canned = vector is null ? null : await BestCannedAsync(context.CannedResponses, vector, cancellationToken);
        var topBody = matches.Count > 0 ? retriever.Index.Find(context.WorkspaceId, matches[0].ArticleId)?.Body ?? "" : "";
        return NextBestActionPlanner.Plan(context, matches, topBody, canned, DraftComposer.Compose(context, matches));
    }

    public Task<ConversationDigest> SummarizeAsync(AssistContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ExtractiveSummarizer.Summarize(context));

    public IReadOnlyList<AttentionItem> RankAttention(IReadOnlyList<AttentionCandidate> conversations, DateTimeOffset now) =>
        AttentionRanker.Rank(conversations, now);

    private async Task<(IReadOnlyList<ArticleMatch> Matches, float[]? Vector)> MatchAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var question = ConversationText.PendingQuestion(context);
        if (string.IsNullOrWhiteSpace(question)) return ([], null);
        var vector = (await retriever.Embedder.EmbedAsync([question], cancellationToken))[0];
        var corpus = retriever.Index.Corpus(context.WorkspaceId);
        return (corpus.Articles.Count == 0 ? [] : retriever.Rank(corpus, question, vector, 3, weights), vector);
    }

    private async Task<NextBestActionPlanner.CannedMatch?> BestCannedAsync(
        IReadOnlyList<CannedOption> options, float[] question, CancellationToken cancellationToken)
    {
        if (options.Count == 0) return null;
        var missing = options.Select(Key).Where(k => !_cannedVectors.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            if (_cannedVectors.Count + missing.Count > MaxCachedCanned) _cannedVectors.Clear();
            var vectors = await retriever.Embedder.EmbedAsync(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++) _cannedVectors[missing[i]] = vectors[i];
        }
        return options.Select(o => new NextBestActionPlanner.CannedMatch(o, VectorMath.Cosine(question, _cannedVectors[Key(o)])))
            .MaxBy(m => m.Similarity);
    }

    private static string Key(CannedOption option) => $"{option.Title}: {option.Body}";
}
