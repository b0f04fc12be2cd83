namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// The one interface the app calls for suggestions, drafts, summaries and the supervisor's attention list. Crm.Ai
/// implements it (offline by default, a language model when configured) and Crm.Silo binds it; grains reach it only
/// through <see cref="IAssistantGrain"/>, which gathers the context and checks every citation.
/// Every result says why it was made (<see cref="Signal"/>s with their weights).
/// </summary>
public interface ISupportAssistant
{
    /// <summary>Published articles of the workspace that answer <paramref name="query"/>, best first; empty when none is a confident match.</summary>
    Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(string workspaceId, string query, int take, CancellationToken cancellationToken);

    /// <summary>A reply for the agent to edit and send, composed from the best-matching passages; it cites every article it uses.</summary>
    Task<DraftReply> DraftReplyAsync(AssistContext context, CancellationToken cancellationToken);

    /// <summary>What the agent could do next in this conversation, best first, each with its reasons.</summary>
    Task<IReadOnlyList<NextBestAction>> SuggestActionsAsync(AssistContext context, CancellationToken cancellationToken);

    /// <summary>An extractive handover summary: who asked what, what was done, what is pending.</summary>
    Task<ConversationDigest> SummarizeAsync(AssistContext context, CancellationToken cancellationToken);

    /// <summary>Which conversations need a supervisor now and why, most urgent first.</summary>
    IReadOnlyList<AttentionItem> RankAttention(IReadOnlyList<AttentionCandidate> conversations, DateTimeOffset now);
}
