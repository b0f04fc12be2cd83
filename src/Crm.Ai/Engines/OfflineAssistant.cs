using System.Collections.Concurrent;
using Crm.Ai.Embeddings;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

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
        var canned = vector is null ? null : await BestCannedAsync(context, vector, cancellationToken);
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

    /// <summary>
    /// The saved reply closest to the message, with the conversation's stage as a prior: once the team has replied, a
    /// reply that reads like an opening greeting fits less (and before, a closing one), by <see cref="StagePenalty"/>.
    /// </summary>
    private async Task<NextBestActionPlanner.CannedMatch?> BestCannedAsync(AssistContext context, float[] question, CancellationToken cancellationToken)
    {
        var options = context.CannedResponses;
        if (options.Count == 0) return null;
        var vectors = await EmbedCachedAsync([.. options.Select(Key), OpeningPrototype, ClosingPrototype], cancellationToken);
        var teamSpoke = context.Messages.Any(m => m.Author == AuthorKind.Agent);
        return options.Select(o =>
        {
            var vector = vectors[Key(o)];
            var opening = VectorMath.Cosine(vector, vectors[OpeningPrototype]) > VectorMath.Cosine(vector, vectors[ClosingPrototype]);
            var offStage = teamSpoke == opening;
            return new NextBestActionPlanner.CannedMatch(o, VectorMath.Cosine(question, vector) - (offStage ? StagePenalty : 0));
        }).MaxBy(m => m.Similarity);
    }

    private const double StagePenalty = 0.15;
    private const string OpeningPrototype = "Hi, thanks for reaching out! How can I help you today?";
    private const string ClosingPrototype = "Glad I could help. Is there anything else I can do for you? Have a great day!";

    /// <summary>Vectors of the texts, from the cache where it has them; the cache is bounded (cleared when full).</summary>
    private async Task<Dictionary<string, float[]>> EmbedCachedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var text in texts)
            if (_cannedVectors.TryGetValue(text, out var cached)) found[text] = cached;
        var missing = texts.Where(t => !found.ContainsKey(t)).Distinct().ToList();
        if (missing.Count == 0) return found;
        var vectors = await retriever.Embedder.EmbedAsync(missing, cancellationToken);
        if (_cannedVectors.Count + missing.Count > MaxCachedCanned) _cannedVectors.Clear();
        for (var i = 0; i < missing.Count; i++) found[missing[i]] = _cannedVectors[missing[i]] = vectors[i];
        return found;
    }

    private static string Key(CannedOption option) => $"{option.Title}: {option.Body}";
}
