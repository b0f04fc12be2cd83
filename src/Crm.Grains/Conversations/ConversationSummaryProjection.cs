using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations;

/// <summary>
/// The one fold from conversation events to an inbox row. The conversation grain keeps its summary with it and the
/// inbox rebuilds from the store with it, so both always agree.
/// </summary>
public static class ConversationSummaryProjection
{
    public static ConversationSummary? Apply(ConversationSummary? summary, DomainEvent @event, long version)
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
                LastMessagePreview = e.Kind == MessageKind.Note ? $"Note: {MessageLimits.Preview(e.Body)}" : MessageLimits.Preview(e.Body),
                LastAuthorKind = e.Author.Kind,
                LastActivityAt = e.At,
                // Waiting = the customer wrote and no agent has answered them since.
                WaitingSince = e.Kind != MessageKind.Message ? next.WaitingSince
                    : e.Author.Kind == AuthorKind.Customer ? next.WaitingSince ?? e.At
                    : null,
            },
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
