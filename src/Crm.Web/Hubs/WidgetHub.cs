using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Services;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>
/// The customer widget's live channel at /hubs/widget, authenticated by the visitor token only. A visitor joins and
/// writes only its own conversations: checked through <see cref="VisitorConversationService"/> once per connection and
/// conversation (a conversation's customer never changes, and the connection's visitor token is fixed), then
/// remembered in the connection's items, which end with it.
/// </summary>
[Authorize(Policy = CrmPolicies.Visitor)]
public sealed class WidgetHub(
    VisitorConversationService conversations, PresenceService presence, AttachmentService attachments, AgentPresenceService availability,
    HubMembers<WidgetHub, IWidgetClient> members, AnswerBotScheduler answerBot) : Hub<IWidgetClient>
{
    public const string Path = "/hubs/widget";
    private const string PresenceKey = "presence-conversation";

    private Visitor Visitor => Visitor.From(Context.User) ?? throw new HubException("A visitor token is required.");

    /// <summary>Every widget of the workspace hears when agents become (un)available, before any chat starts.</summary>
    public override async Task OnConnectedAsync()
    {
        members.Connect(Context);
        members.Join(Context.ConnectionId, HubGroups.Widgets(Visitor.WorkspaceId));
        await base.OnConnectedAsync();
    }

    /// <summary>Whether an agent can chat now. Read after joining the group (on connect), so no change falls in between.</summary>
    public async Task<bool> GetAvailability() => (await availability.GetAvailabilityAsync(Visitor.WorkspaceId)).AgentsAvailable;

    /// <summary>Starts (or, retried with the same id, returns) a chat and joins its live group.</summary>
    public async Task<VisitorConversation> StartConversation(StartChat start)
    {
        var visitor = Visitor;
        if (start is null) throw new HubException("Send the chat to start: { conversationId, name, email }.");
        var conversation = await conversations.StartAsync(visitor, start);
        members.Join(Context.ConnectionId, HubGroups.Visitor(visitor.WorkspaceId, conversation.ConversationId));
        return conversation;
    }

    public Task<IReadOnlyList<VisitorConversation>> ListConversations() => conversations.ListAsync(Visitor);

    /// <summary>Joins a conversation's live group, then returns every message after <paramref name="afterSeq"/>.</summary>
    public async Task<VisitorThread> JoinConversation(string conversationId, long afterSeq)
    {
        var (visitor, _) = await ParticipantAsync(conversationId);
        members.Join(Context.ConnectionId, HubGroups.Visitor(visitor.WorkspaceId, conversationId));
        return await conversations.GetMessagesAfterAsync(visitor, conversationId, afterSeq);
    }

    /// <summary>The visitor is typing (or stopped); agents on the conversation see it live.</summary>
    public async Task Typing(string conversationId, bool isTyping)
    {
        var (visitor, participant) = await ParticipantAsync(conversationId);
        await presence.SetTypingAsync(visitor.WorkspaceId, conversationId, participant, isTyping);
        // Still typing: the answer bot waits for the whole question.
        answerBot.Touch(visitor.WorkspaceId, conversationId);
    }

    /// <summary>"The visitor has the chat open" (every few seconds), so agents see that the customer is there.</summary>
    public async Task Heartbeat(string conversationId)
    {
        var (visitor, participant) = await ParticipantAsync(conversationId);
        Context.Items[PresenceKey] = conversationId;
        await presence.HeartbeatAsync(visitor.WorkspaceId, conversationId, participant);
    }

    /// <summary>A closed tab or lost connection leaves at once instead of lingering until the lease runs out.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        members.Disconnect(Context.ConnectionId);
        if (Context.Items[PresenceKey] is string conversationId && Visitor.From(Context.User) is { } visitor)
            await presence.LeaveAsync(visitor.WorkspaceId, conversationId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Throws NotFound unless the conversation is the visitor's own. Heartbeats and typing come every few seconds: the
    /// check runs on the first call only and is remembered in the connection's items, which end with the connection.
    /// </summary>
    private async Task<(Visitor Visitor, Participant Participant)> ParticipantAsync(string conversationId)
    {
        var visitor = Visitor;
        if (Context.Items.TryGetValue(OwnKey(conversationId), out var known) && known is string name)
            return (visitor, new Participant(Context.ConnectionId, AuthorKind.Customer, visitor.CustomerId, name));
        var own = await conversations.RequireOwnAsync(visitor, conversationId);
        Context.Items[OwnKey(conversationId)] = own.CustomerName;
        return (visitor, new Participant(Context.ConnectionId, AuthorKind.Customer, visitor.CustomerId, own.CustomerName));
    }

    private static string OwnKey(string conversationId) => $"own/{conversationId}";

    /// <summary>Sends as the visitor; returns once committed. A resend with the same id returns the original.</summary>
    public Task<VisitorMessage> SendMessage(string conversationId, Guid clientMessageId, string body, string? displayName) =>
        SendMessageWithAttachments(conversationId, clientMessageId, body, displayName, []);

    /// <summary>
    /// As <see cref="SendMessage"/>, with files uploaded through /api/widget/attachments, named by id and file name.
    /// A separate method because SignalR binds arguments by count: an optional parameter would break older widgets.
    /// </summary>
    public async Task<VisitorMessage> SendMessageWithAttachments(
        string conversationId, Guid clientMessageId, string body, string? displayName, IReadOnlyList<AttachmentRef> attachmentRefs)
    {
        var visitor = Visitor;
        if (attachmentRefs?.Any(a => a?.Id is null || a.FileName is null) == true)
            throw new HubException("Each attachment needs the id and file name its upload returned.");
        var described = attachmentRefs is { Count: > 0 }
            ? await Task.WhenAll(attachmentRefs.Take(MessageLimits.MaxAttachments + 1)
                .Select(a => attachments.DescribeAsync(visitor.WorkspaceId, a.Id, a.FileName, Context.ConnectionAborted)))
            : null;
        var name = string.IsNullOrWhiteSpace(displayName) ? "Visitor" : displayName.Trim()[..Math.Min(displayName.Trim().Length, 100)];
        var sent = await conversations.SendAsync(visitor, conversationId, clientMessageId, body, name, described);
        answerBot.Touch(visitor.WorkspaceId, conversationId);
        return sent;
    }

    /// <summary>Rates the visitor's resolved conversation (1–5 and an optional comment), once.</summary>
    public Task<VisitorConversationState> Rate(string conversationId, int score, string? comment) =>
        conversations.RateAsync(Visitor, conversationId, score, comment);
}
