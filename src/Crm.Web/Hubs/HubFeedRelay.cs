using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Visitors;
using Crm.Web.LiveFeed;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>Forwards this node's live feed to its SignalR groups for the whole life of the host.</summary>
public sealed class HubFeedRelay(
    LiveFeedRelay relay, IHubContext<ConversationHub, IConversationClient> hub, IHubContext<WidgetHub, IWidgetClient> widget) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = relay.Subscribe(workspaceId: null, ForwardAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task ForwardAsync(LiveFeedItem item) => item switch
    {
        // A group is everyone viewing the conversation, so a whisper is not pushed to it: consoles receive it
        // through their circuit (which filters per user) and hub clients read it on joining, when theirs to see.
        MessageFeedItem { Message.Kind: MessageKind.Whisper } => Task.CompletedTask,
        MessageFeedItem m => Task.WhenAll(
            hub.Clients.Group(HubGroups.Conversation(m.WorkspaceId, m.Message.ConversationId)).MessagePosted(m.Message),
            ForwardToVisitorAsync(m.Message)),
        ConversationFeedItem c => ForwardConversationAsync(c),
        QueueFeedItem q => hub.Clients.Group(HubGroups.Queue(q.WorkspaceId, q.Queue.QueueId)).QueueChanged(q.Queue),
        AgentFeedItem a => hub.Clients.Group(HubGroups.Agents(a.WorkspaceId)).AgentChanged(a.Agent),
        AgentWorkloadFeedItem w => hub.Clients.Group(HubGroups.Agents(w.WorkspaceId)).AgentWorkloadChanged(w.Agent),
        // Only the yes/no reaches the public widget: counts and names stay with the team.
        AvailabilityFeedItem v => widget.Clients.Group(HubGroups.Widgets(v.WorkspaceId)).AvailabilityChanged(v.Availability.AgentsAvailable),
        PresenceFeedItem p => Task.WhenAll(
            hub.Clients.Group(HubGroups.Conversation(p.WorkspaceId, p.Presence.ConversationId)).PresenceChanged(p.Presence),
            widget.Clients.Group(HubGroups.Visitor(p.WorkspaceId, p.Presence.ConversationId)).AgentsTyping(
                p.Presence.ConversationId,
                p.Presence.People.Where(x => x.Kind == AuthorKind.Agent && x.IsTyping).Select(x => x.DisplayName).ToList())),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// Inbox lists get every row; the conversation's viewers and its visitor only what they do not already learn
    /// from the message pushed beside it.
    /// </summary>
    private Task ForwardConversationAsync(ConversationFeedItem c)
    {
        var summary = c.Summary;
        var agents = c.DetailsChanged
            ? hub.Clients.Groups(HubGroups.Inbox(c.WorkspaceId), HubGroups.Conversation(c.WorkspaceId, summary.ConversationId))
            : hub.Clients.Group(HubGroups.Inbox(c.WorkspaceId));
        return c.VisitorStateChanged
            ? Task.WhenAll(
                agents.ConversationChanged(summary),
                widget.Clients.Group(HubGroups.Visitor(c.WorkspaceId, summary.ConversationId)).ConversationUpdated(
                    summary.ConversationId, VisitorConversationState.From(summary.Status, summary.ReadUpTo, summary.CsatScore)))
            : agents.ConversationChanged(summary);
    }

    private Task ForwardToVisitorAsync(MessageDetails message) =>
        VisitorMessage.IsVisible(message)
            ? widget.Clients.Group(HubGroups.Visitor(message.WorkspaceId, message.ConversationId))
                .MessagePosted(message.ConversationId, VisitorMessage.From(message))
            : Task.CompletedTask;
}
