using Crm.Web.Visitors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>
/// The customer widget's live channel at /hubs/widget, authenticated by the visitor token only. A visitor joins and
/// writes only its own conversations; every method re-checks that through <see cref="VisitorConversationService"/>.
/// </summary>
[Authorize(Policy = VisitorAuthenticationHandler.PolicyName)]
public sealed class WidgetHub(VisitorConversationService conversations) : Hub<IWidgetClient>
{
    public const string Path = "/hubs/widget";

    private Visitor Visitor => Visitor.From(Context.User) ?? throw new HubException("A visitor token is required.");

    /// <summary>Starts (or, retried with the same id, returns) a chat and joins its live group.</summary>
    public async Task<VisitorConversation> StartConversation(StartChat start)
    {
        var visitor = Visitor;
        var conversation = await conversations.StartAsync(visitor, start);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Visitor(visitor.WorkspaceId, conversation.ConversationId));
        return conversation;
    }

    public Task<IReadOnlyList<VisitorConversation>> ListConversations() => conversations.ListAsync(Visitor);

    /// <summary>Joins a conversation's live group, then returns every message after <paramref name="afterSeq"/>.</summary>
    public async Task<VisitorThread> JoinConversation(string conversationId, long afterSeq)
    {
        var visitor = Visitor;
        await conversations.RequireOwnAsync(visitor, conversationId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Visitor(visitor.WorkspaceId, conversationId));
        return await conversations.GetMessagesAfterAsync(visitor, conversationId, afterSeq);
    }

    /// <summary>Sends as the visitor; returns once committed. A resend with the same id returns the original.</summary>
    public Task<VisitorMessage> SendMessage(string conversationId, Guid clientMessageId, string body, string? displayName) =>
        conversations.SendAsync(Visitor, conversationId, clientMessageId, body,
            string.IsNullOrWhiteSpace(displayName) ? "Visitor" : displayName.Trim()[..Math.Min(displayName.Trim().Length, 100)]);
}
