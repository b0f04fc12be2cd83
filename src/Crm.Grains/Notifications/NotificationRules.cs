using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing.Events;

namespace Crm.Grains.Notifications;

/// <summary>
/// Which agent hears of which event: an offer or an assignment to them (not one they made themselves, and not the
/// assignment that follows an offer they accepted), a customer's reply on their conversation, an @mention of them in
/// another's note, and an SLA of their conversation due within <see cref="SlaWarning"/>. Plain bookkeeping over the
/// tracked conversations, so it tests without a cluster.
/// </summary>
public static class NotificationRules
{
    public static readonly TimeSpan SlaWarning = TimeSpan.FromMinutes(10);

    /// <summary>Conversations tracked at most; past it, the least recently touched tenth is forgotten.</summary>
    public const int MaxTracked = 10_000;

    /// <summary>The event types the projection reads (the store filters by them).</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
    [
        EventSerializer.TypeName<ConversationOpened>(), EventSerializer.TypeName<ConversationAssigned>(),
        EventSerializer.TypeName<MessagePosted>(), EventSerializer.TypeName<ConversationOffered>(),
    ];

    /// <summary>Folds <paramref name="event"/> (of <paramref name="conversationId"/>, at <paramref name="position"/>) and returns who hears of it.</summary>
    public static IReadOnlyList<AgentNotification> Apply(
        Dictionary<string, TrackedConversation> tracked, string conversationId, DomainEvent @event, long position)
    {
        if (@event is ConversationOffered offered) conversationId = offered.ConversationId;
        var known = tracked.GetValueOrDefault(conversationId);
        var (next, notes) = Decide(known, conversationId, @event, position);
        if (next is not null)
        {
            tracked[conversationId] = next with { LastPosition = position };
            if (tracked.Count > MaxTracked) Forget(tracked);
        }
        return notes;
    }

    /// <summary>An SLA warning's id: one per conversation and due instant, so a due time that moves warns again.</summary>
    public static AgentNotification SlaWarningFor(ConversationSummary row, DateTimeOffset now)
    {
        var due = row.SlaDueAt!.Value;
        var left = due - now;
        var title = left > TimeSpan.Zero ? $"SLA due in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min" : "SLA due now";
        var subject = string.IsNullOrWhiteSpace(row.Subject) ? row.CustomerName : $"{row.CustomerName} · {row.Subject}";
        return new AgentNotification(row.AssigneeId!, new RecordNotification(
            $"sla-{row.ConversationId}-{due.ToUnixTimeSeconds()}", NotificationKind.SlaDueSoon, title, subject, row.ConversationId, 0));
    }

    private static (TrackedConversation? Next, IReadOnlyList<AgentNotification> Notes) Decide(
        TrackedConversation? known, string conversationId, DomainEvent @event, long position)
    {
        RecordNotification Note(NotificationKind kind, string title, string body) => new($"e{position}", kind, title, body, conversationId, position);
        var current = known ?? new TrackedConversation("A customer", "", null, null, position);
        switch (@event)
        {
            case ConversationOpened e:
                return (current with { CustomerName = e.CustomerName, Subject = e.Subject }, []);
            case ConversationOffered e:
                return (current with { OfferedTo = e.AgentId },
                    [new(e.AgentId, Note(NotificationKind.Offered, "New work offered to you", current.Title))]);
            case ConversationAssigned e:
                var announce = e.AgentId is { } to && to != current.AssigneeId && to != e.AssignedBy.Id && to != current.OfferedTo;
                return (current with { AssigneeId = e.AgentId, OfferedTo = null },
                    announce ? [new(e.AgentId!, Note(NotificationKind.Assigned, "Assigned to you", current.Title))] : []);
            case MessagePosted { Kind: MessageKind.Message, Author.Kind: AuthorKind.Customer } e when current.AssigneeId is { } assignee:
                return (current, [new(assignee, Note(NotificationKind.CustomerReplied, $"{e.Author.DisplayName} replied", MessageLimits.Preview(e.Body)))]);
            case MessagePosted { Kind: MessageKind.Note, Mentions: { Count: > 0 } mentions } e:
                return (current, mentions.Distinct().Where(m => m != e.Author.Id)
                    .Select(m => new AgentNotification(m, Note(NotificationKind.Mentioned, $"{e.Author.DisplayName} mentioned you", MessageLimits.Preview(e.Body))))
                    .ToList());
            default:
                return (known is null ? null : current, []);
        }
    }

    private static void Forget(Dictionary<string, TrackedConversation> tracked)
    {
        foreach (var id in tracked.OrderBy(t => t.Value.LastPosition).Take(MaxTracked / 10).Select(t => t.Key).ToList()) tracked.Remove(id);
    }
}
