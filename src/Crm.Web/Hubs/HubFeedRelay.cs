using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Visitors;
using Crm.Web.LiveFeed;

namespace Crm.Web.Hubs;

/// <summary>
/// Forwards this node's live feed to the hubs' connections for the whole life of the host. Forwarding only queues
/// a push per member connection (<see cref="HubMembers{THub, TClient}"/>), so a socket that stops reading delays
/// nobody else; this relay's own queue therefore never waits on a client.
/// </summary>
public sealed class HubFeedRelay(
    LiveFeedRelay relay, HubMembers<ConversationHub, IConversationClient> hub, HubMembers<WidgetHub, IWidgetClient> widget) : IHostedService
{
    /// <summary>This relay queues and returns, so it falls behind only if the node is starved: then every client resyncs.</summary>
    private const int Capacity = 16_384;

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = relay.Subscribe(workspaceId: null, Forward, CutOverAll, Capacity);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task CutOverAll()
    {
        hub.CutOverAll();
        widget.CutOverAll();
        return Task.CompletedTask;
    }

    private Task Forward(LiveFeedItem item)
    {
        switch (item)
        {
            // A group is everyone viewing the conversation, so a whisper is not pushed to it: consoles receive it
            // through their circuit (which filters per user) and hub clients read it on joining, when theirs to see.
            case MessageFeedItem { Message.Kind: MessageKind.Whisper }:
                break;
            case MessageFeedItem m:
                hub.Push(HubGroups.Conversation(m.WorkspaceId, m.Message.ConversationId), c => c.MessagePosted(m.Message));
                ForwardToVisitor(m);
                break;
            case ConversationFeedItem c:
                ForwardConversation(c);
                break;
            case QueueFeedItem q:
                hub.Push(HubGroups.Queue(q.WorkspaceId, q.Queue.QueueId), c => c.QueueChanged(q.Queue));
                break;
            case AgentFeedItem a:
                hub.Push(HubGroups.Agents(a.WorkspaceId), c => c.AgentChanged(a.Agent));
                break;
            case AgentWorkloadFeedItem w:
                hub.Push(HubGroups.Agents(w.WorkspaceId), c => c.AgentWorkloadChanged(w.Agent));
                break;
            // Only the yes/no reaches the public widget: counts and names stay with the team.
            case AvailabilityFeedItem v:
                widget.Push(HubGroups.Widgets(v.WorkspaceId), c => c.AvailabilityChanged(v.Availability.AgentsAvailable));
                break;
            case PresenceFeedItem p:
                hub.Push(HubGroups.Conversation(p.WorkspaceId, p.Presence.ConversationId), c => c.PresenceChanged(p.Presence));
                var typing = p.Presence.People.Where(x => x.Kind == AuthorKind.Agent && x.IsTyping).Select(x => x.DisplayName).ToList();
                widget.Push(HubGroups.Visitor(p.WorkspaceId, p.Presence.ConversationId), c => c.AgentsTyping(p.Presence.ConversationId, typing));
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Inbox lists get every row; the conversation's viewers and its visitor only what they do not already learn
    /// from the message pushed beside it.
    /// </summary>
    private void ForwardConversation(ConversationFeedItem c)
    {
        var summary = c.Summary;
        if (c.DetailsChanged)
            hub.Push(HubGroups.Inbox(c.WorkspaceId), HubGroups.Conversation(c.WorkspaceId, summary.ConversationId), x => x.ConversationChanged(summary));
        else
            hub.Push(HubGroups.Inbox(c.WorkspaceId), x => x.ConversationChanged(summary));
        if (!c.VisitorStateChanged) return;
        var state = VisitorConversationState.From(summary.Status, summary.ReadUpTo, summary.CsatScore);
        widget.Push(HubGroups.Visitor(c.WorkspaceId, summary.ConversationId), x => x.ConversationUpdated(summary.ConversationId, state));
    }

    private void ForwardToVisitor(MessageFeedItem m)
    {
        if (!m.Message.IsVisibleToCustomer) return;
        var message = VisitorMessage.From(m.Message);
        widget.Push(HubGroups.Visitor(m.WorkspaceId, m.Message.ConversationId), c => c.MessagePosted(m.Message.ConversationId, message));
    }
}
