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
    public static ConversationSummary? Apply(ConversationSummary? summary, DomainEvent @event, long version) => @event switch
    {
        ConversationOpened e => new ConversationSummary(
            e.WorkspaceId, e.ConversationId, e.CustomerName, e.Channel, e.Subject, ConversationStatus.Open, e.QueueId,
            e.At, LastSeq: 0, LastMessagePreview: "", LastAuthorKind: null, LastActivityAt: e.At, version),
        MessagePosted e when summary is not null => summary with
        {
            LastSeq = e.Seq,
            LastMessagePreview = MessageLimits.Preview(e.Body),
            LastAuthorKind = e.Author.Kind,
            LastActivityAt = e.At,
            Version = version,
        },
        _ when summary is not null => summary with { Version = version },
        _ => summary,
    };
}
