using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Web.Services.Notifications;

/// <summary>
/// Turns the live feed into notifications for one agent: a new offer or assignment to them, a customer reply on their
/// conversation, an @mention, and an SLA that breaches within <see cref="SlaWarning"/>. Pure bookkeeping over what
/// the feed delivers (no grain call, no I/O), seeded with the agent's own conversations so nothing old is announced
/// as new. Not thread-safe: the console calls it on its circuit's dispatcher.
/// </summary>
public sealed class NotificationRules(string agentId, TimeProvider clock)
{
    public static readonly TimeSpan SlaWarning = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, ConversationSummary> _mine = new(StringComparer.Ordinal);
    private readonly HashSet<string> _offered = new(StringComparer.Ordinal);
    private readonly HashSet<(string, DateTimeOffset)> _slaWarned = [];

    /// <summary>The agent's conversations as they were when the console opened: the baseline nothing is compared below.</summary>
    public void Seed(IEnumerable<ConversationSummary> mine)
    {
        foreach (var summary in mine.Where(s => s.AssigneeId == agentId)) _mine[summary.ConversationId] = summary;
    }

    public IReadOnlyList<ConsoleNotification> On(LiveFeedItem item) => item switch
    {
        ConversationFeedItem c => OnSummary(c.Summary),
        MessageFeedItem { Message: { Kind: MessageKind.Note, Mentions: { } mentions } note }
            when mentions.Contains(agentId) && note.Author.Id != agentId =>
            [New(NotificationKind.Mentioned, $"{note.Author.DisplayName} mentioned you", MessageLimits.Preview(note.Body), note.ConversationId)],
        AgentWorkloadFeedItem { Agent: var agent } when agent.AgentId == agentId => OnOffers(agent.Offered),
        _ => [],
    };

    /// <summary>SLAs of the agent's conversations that now breach within the warning time; each due instant warns once.</summary>
    public IReadOnlyList<ConsoleNotification> CheckSla()
    {
        var now = clock.GetUtcNow();
        var due = new List<ConsoleNotification>();
        foreach (var s in _mine.Values)
        {
            if (s.SlaDueAt is not { } at || s.SlaBreached || at - now > SlaWarning || !_slaWarned.Add((s.ConversationId, at))) continue;
            var left = at - now;
            due.Add(New(NotificationKind.SlaDueSoon, left > TimeSpan.Zero ? $"SLA due in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min" : "SLA overdue",
                Title(s), s.ConversationId));
        }
        return due;
    }

    private IReadOnlyList<ConsoleNotification> OnSummary(ConversationSummary summary)
    {
        var known = _mine.GetValueOrDefault(summary.ConversationId);
        if (known is not null && known.Version >= summary.Version) return [];
        if (summary.AssigneeId != agentId)
        {
            _mine.Remove(summary.ConversationId);
            return [];
        }
        _mine[summary.ConversationId] = summary;
        if (known is null)
            return _offered.Contains(summary.ConversationId) ? [] : [New(NotificationKind.Assigned, "Assigned to you", Title(summary), summary.ConversationId)];
        return summary.LastSeq > known.LastSeq && summary.LastAuthorKind == AuthorKind.Customer
            ? [New(NotificationKind.CustomerReplied, $"{summary.CustomerName} replied", summary.LastMessagePreview, summary.ConversationId)]
            : [];
    }

    private IReadOnlyList<ConsoleNotification> OnOffers(IReadOnlyList<string> offered)
    {
        var fresh = offered.Where(_offered.Add).ToList();
        _offered.IntersectWith(offered);
        return fresh.Select(id => New(NotificationKind.Offered, "New work offered to you", "Accept or decline it in the offer card.", id)).ToList();
    }

    private static string Title(ConversationSummary s) => string.IsNullOrWhiteSpace(s.Subject) ? s.CustomerName : $"{s.CustomerName} · {s.Subject}";

    private ConsoleNotification New(NotificationKind kind, string title, string body, string conversationId) =>
        new(Guid.NewGuid(), kind, title, body, conversationId, clock.GetUtcNow());
}
