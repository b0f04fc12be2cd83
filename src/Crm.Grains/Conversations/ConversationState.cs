using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations;

public sealed class ConversationState : IEventSourcedState
{
    public ConversationOpened? Opened { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public ConversationStatus Status { get; private set; }
    public DateTimeOffset? SnoozedUntil { get; private set; }
    public Priority Priority { get; private set; } = Priority.Normal;
    public SortedSet<string> Labels { get; } = new(StringComparer.Ordinal);
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    /// <summary>The newest router decision applied (0: none): an older one arriving late changes nothing.</summary>
    public long LastRouteNo { get; private set; }

    /// <summary>The SLA facts and reported breaches, derived from the same events (no event exists just for them).</summary>
    public ConversationSla? Sla { get; private set; }

    /// <summary>The thread: messages, notes and activities, index = seq - 1.</summary>
    public List<MessageDetails> Messages { get; } = [];

    /// <summary>Client message id to index in <see cref="Messages"/>: what makes a resend return the original.</summary>
    public Dictionary<Guid, int> MessageIndexByClientId { get; } = [];

    public long LastSeq => Messages.Count;

    /// <summary>The last customer message's sequence number (0 = none): what "unread" and "Seen" are measured against.</summary>
    public long LastCustomerSeq { get; private set; }

    /// <summary>The last entry the customer sees (0 = none): each new one names it, so the widget sees no gap.</summary>
    public long LastCustomerVisibleSeq { get; private set; }

    /// <summary>How far the team has read.</summary>
    public long ReadUpTo { get; private set; }

    public ConversationRated? Rating { get; private set; }

    public void Apply(DomainEvent @event)
    {
        Sla = ConversationSla.Apply(Sla, @event);
        switch (@event)
        {
            case ConversationOpened e:
                Opened = e;
                OpenedAt = e.At;
                Status = ConversationStatus.Open;
                break;
            case MessagePosted e:
                MessageIndexByClientId[e.ClientMessageId] = Messages.Count;
                AddEntry(e.Seq, e.ClientMessageId, e.Author, e.Body, e.At, e.Kind, e.Mentions, e.Attachments);
                if (e.Author.Kind == AuthorKind.Customer) LastCustomerSeq = e.Seq;
                break;
            case ConversationRead e:
                ReadUpTo = Math.Max(ReadUpTo, e.UpToSeq);
                break;
            case ConversationRated e:
                Rating = e;
                break;
            case ConversationStatusChanged e:
                Status = e.To;
                SnoozedUntil = e.SnoozedUntil;
                AddEntry(e.Seq, Guid.Empty, e.ChangedBy, ActivityText.StatusChanged(e.From, e.To, e.SnoozedUntil, e.ChangedBy), e.At, MessageKind.Activity, null);
                break;
            case ConversationAssigned e:
                (AssigneeId, AssigneeName) = (e.AgentId, e.AgentName);
                if (e.RouteNo is { } routeNo) LastRouteNo = Math.Max(LastRouteNo, routeNo);
                AddEntry(e.Seq, Guid.Empty, e.AssignedBy, ActivityText.Assigned(e.AgentName, e.AssignedBy), e.At, MessageKind.Activity, null);
                break;
            case ConversationPriorityChanged e:
                Priority = e.Priority;
                break;
            case ConversationLabelsChanged e:
                Labels.UnionWith(e.Added);
                Labels.ExceptWith(e.Removed);
                break;
        }
    }

    private void AddEntry(
        long seq, Guid clientId, Author author, string body, DateTimeOffset at, MessageKind kind,
        IReadOnlyList<string>? mentions, IReadOnlyList<Abstractions.Attachments.AttachmentDetails>? attachments = null)
    {
        var entry = new MessageDetails(
            Opened!.WorkspaceId, Opened.ConversationId, seq, clientId, author, body, at, kind, mentions, attachments, LastCustomerVisibleSeq);
        Messages.Add(entry);
        if (entry.IsVisibleToCustomer) LastCustomerVisibleSeq = seq;
    }
}
