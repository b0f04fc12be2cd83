using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Suggestions, drafts and summaries for a conversation of the signed-in user's workspace.</summary>
public sealed class AssistantService(IGrainFactory grains)
{
    public Task<IReadOnlyList<NextBestAction>> SuggestAsync(WorkspaceUser user, string conversationId) =>
        Assistant(user, CrmPolicies.Converse).SuggestAsync(Ids.Require(conversationId, "conversation"));

    public Task<DraftReply> DraftAsync(WorkspaceUser user, string conversationId) =>
        Assistant(user, CrmPolicies.Converse).DraftAsync(Ids.Require(conversationId, "conversation"));

    public Task<ConversationDigest> SummarizeAsync(WorkspaceUser user, string conversationId) =>
        Assistant(user, CrmPolicies.Staff).SummarizeAsync(Ids.Require(conversationId, "conversation"));

    public Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(WorkspaceUser user, string? query) =>
        Assistant(user, CrmPolicies.Staff).SearchArticlesAsync(query ?? "", 5);

    /// <summary>The workspace's language-model tokens per month, newest first (admins: the budget is theirs to set).</summary>
    public Task<IReadOnlyList<AiUsageMonth>> UsageAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<IAiUsageGrain>(user.WorkspaceId).ListMonthsAsync();
    }

    /// <summary>How often each kind of suggestion was accepted, edited or rejected (admins).</summary>
    public Task<IReadOnlyList<SuggestionAcceptance>> AcceptanceAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<ISuggestionFeedbackGrain>(user.WorkspaceId).GetAcceptanceAsync();
    }

    private IAssistantGrain Assistant(WorkspaceUser user, string policy)
    {
        user.Require(policy);
        return grains.GetGrain<IAssistantGrain>(user.WorkspaceId);
    }
}
