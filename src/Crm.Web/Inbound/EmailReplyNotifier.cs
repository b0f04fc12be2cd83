using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Mail;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Web.Inbound;

/// <summary>
/// After an agent's message is committed, nudges the workspace's mail outbox when the conversation is an email one,
/// so the reply is queued at once. Only a nudge: the outbox reads replies from the event store itself, so a nudge
/// lost to a crash or a failed call delays the reply until the mailer's next poll and never loses it.
/// </summary>
public sealed class EmailReplyNotifier(IGrainFactory grains, ILogger<EmailReplyNotifier> logger) : IDisposable
{
    // A conversation's channel never changes, so a cached one is never stale; the size bound keeps a long-running
    // node's memory flat (an evicted entry costs one details call).
    private readonly MemoryCache _channels = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Fire and forget: neither delays nor fails the agent's post, which is already committed.</summary>
    public void OnAgentMessagePosted(string workspaceId, MessageDetails message)
    {
        if (message.Kind == MessageKind.Message) _ = NotifyAsync(workspaceId, message.ConversationId);
    }

    public void Dispose() => _channels.Dispose();

    private async Task NotifyAsync(string workspaceId, string conversationId)
    {
        try
        {
            if (await ChannelAsync(workspaceId, conversationId) == Channel.Email)
                await grains.GetGrain<IMailOutboxGrain>(workspaceId).CatchUpAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not nudge the mail outbox of {WorkspaceId} after a reply in {ConversationId}; it picks the reply up on its next read.",
                workspaceId, conversationId);
        }
    }

    private async Task<Channel> ChannelAsync(string workspaceId, string conversationId)
    {
        var key = GrainKeys.Scoped(workspaceId, conversationId);
        if (_channels.TryGetValue(key, out Channel channel)) return channel;
        channel = (await grains.GetGrain<IConversationGrain>(key).GetDetailsAsync()).Channel;
        _channels.Set(key, channel, new MemoryCacheEntryOptions { Size = 1 });
        return channel;
    }
}
