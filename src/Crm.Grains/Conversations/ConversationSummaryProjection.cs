using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Sla;

namespace Crm.Grains.Conversations;

/// <summary>
/// The one fold from conversation events to an inbox row. The conversation grain keeps its summary with it and the
/// inbox rebuilds from the store with it, so both always agree.
/// </summary>
/// <remarks>
/// The SLA columns need the workspace's policy, which no conversation event carries. Rather than copy computed due
/// times into events (an extra write per reply, and stored numbers that go stale when the policy changes), the fold
/// takes the policy as an input: both callers fetch it from the workspace grain, the single source of truth, and fold
/// the same <see cref="ConversationSla"/> from the same events, so the grain's row and the rebuilt row are equal. After
/// a policy change the two can differ only until each has refreshed its copy and the conversation changes again.
/// Whether a target is breached is never recomputed from the policy: it is the breach event, a stored fact.
/// </remarks>
public static class ConversationSummaryProjection
{
    /// <param name="summary">The row before <paramref name="event"/>; null before the conversation was opened.</param>
    /// <param name="sla">The conversation's SLA fold with <paramref name="event"/> already applied (<see cref="ConversationSla.Apply"/>).</param>
    /// <param name="slaClock">The workspace's SLA policy and calendar.</param>
    public static ConversationSummary? Apply(ConversationSummary? summary, DomainEvent @event, long version, ConversationSla? sla, SlaClock slaClock) =>
        Apply(summary, @event, version, sla, sla?.DueAt(slaClock));

    /// <summary>The same, with the fold's due instant already evaluated (<see cref="ConversationSla.DueAt"/> with the policy).</summary>
    public static ConversationSummary? Apply(ConversationSummary? summary, DomainEvent @event, long version, ConversationSla? sla, DateTimeOffset? slaDueAt)
    {
        var next = Fold(summary, @event, version);
        return next is null || sla is null
            ? next
            : next with { SlaDueAt = slaDueAt, SlaBreached = sla.IsBreached };
    }

    private static ConversationSummary? Fold(ConversationSummary? summary, DomainEvent @event, long version)
    {
        if (@event is ConversationOpened opened)
        {
            return new ConversationSummary(
                opened.WorkspaceId, opened.ConversationId, opened.CustomerName, opened.Channel, opened.Subject, ConversationStatus.Open,
                opened.QueueId, opened.At, LastSeq: 0, LastMessagePreview: "", LastAuthorKind: null, LastActivityAt: opened.At, version,
                Labels: []);
        }
        if (summary is null) return null;

        var next = summary with { Version = version };
        return @event switch
        {
            MessagePosted e => next with
            {
                LastSeq = e.Seq,
                // A whisper is for the assignee alone: every inbox shows the preview, so it keeps the previous one.
                LastMessagePreview = e.Kind switch
                {
                    MessageKind.Note => $"Note: {MessageLimits.Preview(e.Body)}",
                    MessageKind.Whisper => next.LastMessagePreview,
                    _ => MessageLimits.Preview(e.Body),
                },
                LastAuthorKind = e.Author.Kind,
                LastActivityAt = e.At,
                // Waiting = the customer wrote and no agent has answered them since.
                WaitingSince = e.Kind != MessageKind.Message ? next.WaitingSince
                    : e.Author.Kind == AuthorKind.Customer ? next.WaitingSince ?? e.At
                    : null,
                // A customer message is unread until an agent reads it, or answers it (an answer implies reading).
                Unread = e.Author.Kind == AuthorKind.Customer || (next.Unread && !(e.Author.Kind == AuthorKind.Agent && e.Kind == MessageKind.Message)),
            },
            // Raised only when the read covers every customer message so far (see ConversationGrain.MarkReadAsync).
            ConversationRead e => next with { Unread = false, ReadUpTo = Math.Max(next.ReadUpTo, e.UpToSeq) },
            ConversationRated e => next with { CsatScore = e.Score },
            ConversationStatusChanged e => next with
            {
                LastSeq = e.Seq,
                Status = e.To,
                WaitingSince = e.To is ConversationStatus.Resolved or ConversationStatus.Closed ? null : next.WaitingSince,
            },
            ConversationAssigned e => next with { LastSeq = e.Seq, AssigneeId = e.AgentId, AssigneeName = e.AgentName },
            ConversationPriorityChanged e => next with { Priority = e.Priority },
            ConversationLabelsChanged e => next with
            {
                Labels = (next.Labels ?? []).Union(e.Added).Except(e.Removed).Order(StringComparer.Ordinal).ToArray(),
            },
            _ => next,
        };
    }
}
