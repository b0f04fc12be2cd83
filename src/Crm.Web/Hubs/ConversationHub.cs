using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Services;
using Crm.Web.Security.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>
/// The console's live channel at /hubs/conversations. Joining a group happens before reading what was missed, so
/// nothing committed in between is lost; the client drops anything it already has by sequence number.
/// </summary>
[Authorize(Policy = CrmPolicies.Staff)]
public sealed class ConversationHub(
    ConversationService conversations, PresenceService presence, HubMembers<ConversationHub, IConversationClient> members) : Hub<IConversationClient>
{
    public const string Path = "/hubs/conversations";
    private const string PresenceKey = "presence-conversation";

    private WorkspaceUser User => WorkspaceUser.From(Context.User) ?? throw new HubException("Sign in first.");

    public override async Task OnConnectedAsync()
    {
        members.Connect(Context);
        await base.OnConnectedAsync();
    }

    public void SubscribeInbox() => members.Join(Context.ConnectionId, HubGroups.Inbox(User.WorkspaceId));

    public void SubscribeAgents() => members.Join(Context.ConnectionId, HubGroups.Agents(User.WorkspaceId));

    public void SubscribeQueue(string queueId) => members.Join(Context.ConnectionId, HubGroups.Queue(User.WorkspaceId, Ids.Require(queueId, "queue")));

    /// <summary>Joins a conversation's live group and returns every message after <paramref name="afterSeq"/>.</summary>
    public async Task<IReadOnlyList<MessageDetails>> JoinConversation(string conversationId, long afterSeq)
    {
        var user = User;
        await conversations.GetDetailsAsync(user, conversationId);
        members.Join(Context.ConnectionId, HubGroups.Conversation(user.WorkspaceId, conversationId));
        return await conversations.GetMessagesAfterAsync(user, conversationId, afterSeq);
    }

    public void LeaveConversation(string conversationId) =>
        members.Leave(Context.ConnectionId, HubGroups.Conversation(User.WorkspaceId, Ids.Require(conversationId, "conversation")));

    /// <summary>"I have this conversation open" (every few seconds while open); returns who else is there.</summary>
    public Task<ConversationPresence> Heartbeat(string conversationId)
    {
        // Validated before it is kept: the disconnect handler trusts what it finds here.
        Context.Items[PresenceKey] = Ids.Require(conversationId, "conversation");
        return presence.HeartbeatAsync(User.WorkspaceId, conversationId, PresenceService.AgentParticipant(User, Context.ConnectionId));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        members.Disconnect(Context.ConnectionId);
        if (Context.Items[PresenceKey] is string conversationId && WorkspaceUser.From(Context.User) is { } user)
            await presence.LeaveAsync(user.WorkspaceId, conversationId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    [Authorize(Policy = CrmPolicies.Converse)]
    public Task Typing(string conversationId, bool isTyping) =>
        presence.SetTypingAsync(User.WorkspaceId, conversationId, PresenceService.AgentParticipant(User, Context.ConnectionId), isTyping);

    public Task Leave(string conversationId) => presence.LeaveAsync(User.WorkspaceId, conversationId, Context.ConnectionId);

    /// <summary>Posts as the signed-in agent; returns once committed. A resend with the same id returns the original.</summary>
    [Authorize(Policy = CrmPolicies.Converse)]
    public Task<MessageDetails> PostMessage(string conversationId, Guid clientMessageId, string body) =>
        conversations.PostAgentMessageAsync(User, conversationId, clientMessageId, body);
}
