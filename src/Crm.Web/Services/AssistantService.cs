using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Suggestions, drafts and summaries for a conversation of the signed-in user's workspace.</summary>
public sealed class AssistantService(IGrainFactory grains, Crm.Web.Visitors.AnswerBotSwitch botSwitch)
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

    /// <summary>
    /// An agent inserted (<see cref="SuggestionVerdict.Accepted"/>) or dismissed (<see cref="SuggestionVerdict.Rejected"/>)
    /// a suggestion: recorded once per suggestion, and counted into how that kind is ranked from now on.
    /// </summary>
    public Task RecordVerdictAsync(WorkspaceUser user, string conversationId, NextBestAction action, SuggestionVerdict verdict)
    {
        user.Require(CrmPolicies.Converse);
        var id = $"{Ids.Require(conversationId, "conversation")}:{action.Kind}:{action.Reference}:{action.Title}";
        if (id.Length > 300) id = id[..300];
        return grains.GetGrain<ISuggestionFeedbackGrain>(user.WorkspaceId)
            .RecordAsync(new RecordSuggestionFeedback(id, Crm.Grains.Ai.AcceptanceRanking.KindOf(action.Kind), verdict, null, user.Actor));
    }

    /// <summary>How often each kind of suggestion was accepted, edited or rejected (admins).</summary>
    public Task<IReadOnlyList<SuggestionAcceptance>> AcceptanceAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<ISuggestionFeedbackGrain>(user.WorkspaceId).GetAcceptanceAsync();
    }

    /// <summary>Whether the widget's answer bot is on (all staff read it).</summary>
    public Task<AnswerBotSettings> GetAnswerBotAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Staff);
        return grains.GetGrain<IAnswerBotSettingsGrain>(user.WorkspaceId).GetAsync();
    }

    /// <summary>Turns the answer bot on or off (admins); this node's widget hub sees it at once, others within seconds.</summary>
    public async Task<AnswerBotSettings> ConfigureAnswerBotAsync(WorkspaceUser user, bool enabled)
    {
        user.Require(CrmPolicies.ConfigureAnswerBot);
        var settings = await grains.GetGrain<IAnswerBotSettingsGrain>(user.WorkspaceId).ConfigureAsync(new ConfigureAnswerBot(enabled, user.Actor));
        botSwitch.Set(user.WorkspaceId, settings.Enabled);
        return settings;
    }

    private IAssistantGrain Assistant(WorkspaceUser user, string policy)
    {
        user.Require(policy);
        return grains.GetGrain<IAssistantGrain>(user.WorkspaceId);
    }
}
