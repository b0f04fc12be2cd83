using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.Inbound;
using Crm.Web.LiveFeed;

namespace Crm.Web.Services;

/// <summary>
/// The grain-facing facade for conversations, used by pages, the REST API and the hub alike. Every key is built
/// from the signed-in user's workspace, so another workspace's conversation id simply does not exist here.
/// </summary>
public sealed class ConversationService(IGrainFactory grains, LiveFeedRelay feed, AgentDirectory agents, CustomerService customers, EmailReplyNotifier emailReplies)
{
    public Task<IReadOnlyList<ConversationSummary>> ListInboxAsync(WorkspaceUser user, InboxQuery query) =>
        grains.GetGrain<IInboxGrain>(user.WorkspaceId).ListAsync(query);

    public Task<InboxCounts> CountInboxAsync(WorkspaceUser user) => grains.GetGrain<IInboxGrain>(user.WorkspaceId).CountAsync(user.AgentId);

    public Task<ConversationDetails> GetDetailsAsync(WorkspaceUser user, string conversationId) =>
        Conversation(user, conversationId).GetDetailsAsync();

    /// <summary>The thread after <paramref name="afterSeq"/>, without the whispers this user may not see (so sequence gaps are expected).</summary>
    public Task<IReadOnlyList<MessageDetails>> GetMessagesAfterAsync(WorkspaceUser user, string conversationId, long afterSeq) =>
        Conversation(user, conversationId).ReadThreadAsync(new ReadThread(afterSeq, Reader(user)));

    /// <summary>The user as a thread reader: the grain decides which whispers they see.</summary>
    public static ThreadReader Reader(WorkspaceUser user) => new(user.AgentId, user.May(CrmPolicies.Supervise));

    public async Task<MessageDetails> PostAgentMessageAsync(
        WorkspaceUser user, string conversationId, Guid clientMessageId, string? body, IReadOnlyList<AttachmentDetails>? attachments = null)
    {
        var message = await Writable(user, conversationId).PostMessageAsync(new PostMessage(
            clientMessageId, user.Author, MessageLimits.RequireBody(body, attachments is { Count: > 0 }), Attachments: attachments));
        // Committed: on an email conversation the mail outbox queues it now. Only a nudge, never awaited: the outbox
        // reads replies from the event store itself, so a lost nudge delays the email until the mailer's next poll.
        emailReplies.OnAgentMessagePosted(user.WorkspaceId, message);
        return message;
    }

    /// <summary>An internal note; "@agentId" mentions of teammates are recorded with it and notify them live.</summary>
    public async Task<MessageDetails> PostNoteAsync(WorkspaceUser user, string conversationId, Guid clientMessageId, string? body)
    {
        var conversation = Writable(user, conversationId);
        // The grain finds the mentions; the teammates come from the identity store, which only this host has.
        var teammates = (await agents.ListAsync(user.WorkspaceId)).Select(a => a.AgentId).ToList();
        return await conversation.PostMessageAsync(new PostMessage(clientMessageId, user.Author, body ?? "", MessageKind.Note, Teammates: teammates));
    }

    /// <summary>A supervisor's whisper to the conversation's assignee: an internal note no other agent, nor the customer, sees.</summary>
    /// <remarks>The grain refuses it when nobody is assigned, in the same turn as the commit.</remarks>
    public Task<MessageDetails> PostWhisperAsync(WorkspaceUser user, string conversationId, Guid clientMessageId, string? body)
    {
        user.Require(CrmPolicies.Supervise);
        return Writable(user, conversationId).PostMessageAsync(new PostMessage(clientMessageId, user.Author, body ?? "", MessageKind.Whisper));
    }

    public Task<ConversationDetails> MarkReadAsync(WorkspaceUser user, string conversationId, long upToSeq) =>
        Writable(user, conversationId).MarkReadAsync(new MarkConversationRead(upToSeq, user.Author));

    public Task<ConversationDetails> ChangeStatusAsync(WorkspaceUser user, string conversationId, ConversationStatus status, DateTimeOffset? snoozeUntil) =>
        Writable(user, conversationId).ChangeStatusAsync(new ChangeStatus(status, snoozeUntil, user.Author));

    /// <summary>Assigns to a teammate of the same workspace, or unassigns with a null id.</summary>
    public async Task<ConversationDetails> AssignAsync(WorkspaceUser user, string conversationId, string? agentId)
    {
        var agent = agentId is null ? null : await agents.RequireAsync(user.WorkspaceId, agentId);
        return await Writable(user, conversationId).AssignAsync(new AssignConversation(agent?.AgentId, agent?.DisplayName, user.Author));
    }

    public Task<ConversationDetails> SetPriorityAsync(WorkspaceUser user, string conversationId, Priority priority) =>
        Writable(user, conversationId).SetPriorityAsync(new SetPriority(priority, user.Author));

    public Task<ConversationDetails> ChangeLabelsAsync(WorkspaceUser user, string conversationId, IReadOnlyList<string>? add, IReadOnlyList<string>? remove) =>
        Writable(user, conversationId).ChangeLabelsAsync(new ChangeLabels(add ?? [], remove ?? [], user.Author));

    /// <summary>Opens (idempotently) and links the conversation to its customer's history.</summary>
    public async Task<ConversationDetails> OpenAsync(WorkspaceUser user, string conversationId, OpenConversation command)
    {
        var details = await Writable(user, conversationId).OpenAsync(command);
        await customers.LinkAsync(user, details);
        return details;
    }

    /// <summary>
    /// Live items of the user's workspace on this node, on the subscriber's own queue; <paramref name="catchUp"/> reads
    /// what was missed when it fell too far behind (see <see cref="LiveFeedRelay.Subscribe"/>). Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(WorkspaceUser user, Func<LiveFeedItem, Task> handler, Func<Task> catchUp) =>
        feed.Subscribe(user.WorkspaceId, handler, catchUp);

    /// <summary>A conversation the user is about to change: only roles the matrix lets converse get past here.</summary>
    private IConversationGrain Writable(WorkspaceUser user, string conversationId)
    {
        user.Require(CrmPolicies.Converse);
        return Conversation(user, conversationId);
    }

    private IConversationGrain Conversation(WorkspaceUser user, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(conversationId, "conversation")));
}
