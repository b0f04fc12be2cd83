using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>
/// A sales rep's follow-up suggestions on My day: a rep sees only their own; supervisors and admins any rep's. Verdicts
/// are recorded per workspace, on suggestions the caller may see only.
/// </summary>
public sealed class SalesAssistantService(IGrainFactory grains, LiveFeedRelay feed)
{
    public Task<IReadOnlyList<FollowUpSuggestion>> SuggestAsync(WorkspaceUser user, string? ownerId) =>
        grains.GetGrain<ISalesAssistantGrain>(user.WorkspaceId).SuggestFollowUpsAsync(OwnerFor(user, ownerId));

    /// <summary>Accepts, edits or rejects one of the caller's current suggestions; NotFound for one they do not see.</summary>
    public async Task RecordAsync(WorkspaceUser user, string? ownerId, string suggestionId, SuggestionVerdict verdict, string? editedText)
    {
        var suggestion = (await SuggestAsync(user, ownerId)).FirstOrDefault(s => s.SuggestionId == suggestionId)
            ?? throw new DomainException(DomainErrorKind.NotFound, "There is no such open suggestion for you (it may be decided already).");
        await grains.GetGrain<ISuggestionFeedbackGrain>(user.WorkspaceId)
            .RecordAsync(new RecordSuggestionFeedback(suggestion.SuggestionId, KindOf(suggestion.Kind), verdict, editedText, user.Actor));
    }

    /// <summary>The kind a follow-up verdict is counted under (beside the agents' suggestion kinds).</summary>
    public static string KindOf(FollowUpKind kind) => kind switch
    {
        FollowUpKind.IdleDeal => "follow-up.idle-deal",
        FollowUpKind.CloseDatePassed => "follow-up.close-date-passed",
        _ => "follow-up.buying-intent",
    };

    /// <summary>
    /// Calls <paramref name="changed"/> when something that may change the owner's list committed: one of their deals,
    /// one of their customers, or a customer message with buying words. It only signals (the caller re-reads, debounced,
    /// outside delivery), so no grain call happens on the feed's loop. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(WorkspaceUser user, string? ownerId, Action changed)
    {
        var owner = OwnerFor(user, ownerId);
        return feed.Subscribe(user.WorkspaceId, item =>
        {
            if (Matters(item, owner)) changed();
            return Task.CompletedTask;
        }, () =>
        {
            changed();
            return Task.CompletedTask;
        });
    }

    private static bool Matters(LiveFeedItem item, string owner) => item switch
    {
        DealFeedItem d => d.Deal.OwnerId == owner,
        CustomerFeedItem c => c.Customer.OwnerId == owner,
        MessageFeedItem m => m.Message.Author.Kind == AuthorKind.Customer && BuyingSignals.Any(m.Message.Body),
        _ => false,
    };

    private static string OwnerFor(WorkspaceUser user, string? ownerId)
    {
        user.Require(CrmPolicies.Sell);
        if (user.AsOwner() is not { } rep) return string.IsNullOrWhiteSpace(ownerId) ? user.AgentId : ownerId.Trim();
        return string.IsNullOrWhiteSpace(ownerId) || ownerId.Trim() == rep ? rep
            : throw new DomainException(DomainErrorKind.Forbidden, "A sales rep sees only their own follow-up suggestions.");
    }
}
