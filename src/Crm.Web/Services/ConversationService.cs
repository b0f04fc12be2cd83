using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;

namespace Crm.Web.Services;

/// <summary>
/// The grain-facing facade for conversations, used by pages, the REST API and the hub alike. Every key is built
/// from the signed-in user's workspace, so another workspace's conversation id simply does not exist here.
/// </summary>
public sealed class ConversationService(IGrainFactory grains, LiveFeedRelay feed)
{
    public Task<IReadOnlyList<ConversationSummary>> ListInboxAsync(WorkspaceUser user, InboxQuery query) =>
        grains.GetGrain<IInboxGrain>(user.WorkspaceId).ListAsync(query);

    public Task<ConversationDetails> GetDetailsAsync(WorkspaceUser user, string conversationId) =>
        Conversation(user, conversationId).GetDetailsAsync();

    public Task<IReadOnlyList<MessageDetails>> GetMessagesAfterAsync(WorkspaceUser user, string conversationId, long afterSeq) =>
        Conversation(user, conversationId).GetMessagesAfterAsync(afterSeq);

    public Task<MessageDetails> PostAgentMessageAsync(WorkspaceUser user, string conversationId, Guid clientMessageId, string? body)
    {
        var author = new Author(AuthorKind.Agent, user.AgentId, user.DisplayName);
        return Conversation(user, conversationId).PostMessageAsync(new PostMessage(clientMessageId, author, MessageLimits.RequireBody(body)));
    }

    public Task<ConversationDetails> OpenAsync(WorkspaceUser user, string conversationId, OpenConversation command) =>
        Conversation(user, conversationId).OpenAsync(command);

    /// <summary>Live items of the user's workspace on this node; dispose to stop.</summary>
    public IDisposable Subscribe(WorkspaceUser user, Func<LiveFeedItem, Task> handler) => feed.Subscribe(user.WorkspaceId, handler);

    private IConversationGrain Conversation(WorkspaceUser user, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(conversationId, "conversation")));
}
