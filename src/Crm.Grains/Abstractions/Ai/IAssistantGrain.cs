namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// The app's door to <see cref="ISupportAssistant"/> (a stateless worker, key: the workspace id): it reads the
/// conversation, customer and canned responses, calls the engine outside any aggregate grain, and drops any citation
/// that is not a published article of this workspace.
/// </summary>
public interface IAssistantGrain : IGrainWithStringKey
{
    /// <summary>Next-best actions for one conversation of this workspace; NotFound when there is no such conversation.</summary>
    Task<IReadOnlyList<NextBestAction>> SuggestAsync(string conversationId);

    /// <summary>A drafted reply to the conversation's latest customer message, citing only published articles of this workspace.</summary>
    Task<DraftReply> DraftAsync(string conversationId);

    /// <summary>The conversation's handover summary.</summary>
    Task<ConversationDigest> SummarizeAsync(string conversationId);

    /// <summary>Published articles answering a question (the help center's search, the console's article picker).</summary>
    Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(string query, int take);
}
