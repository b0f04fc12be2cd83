using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Search.Mappers;

/// <summary>
/// A conversation: subject and customer as you type, every public message and internal note appended to the
/// document's log (<see cref="SearchDocument.AppendedTexts"/>, which the engine places so that a long conversation is
/// not rewritten whole for each batch; notes searched only by staff who may read them), and its status, assignee,
/// labels, channel, queue and dates as filters. Whispers are
/// never indexed: who may read one depends on who is assigned at the time of reading.
/// </summary>
public sealed class ConversationDocumentMapper : ISearchDocumentMapper
{
    public string Category => StreamIds.ConversationCategory;

    public IReadOnlyList<string> EventTypes { get; } =
    [
        EventSerializer.TypeName<ConversationOpened>(),
        EventSerializer.TypeName<MessagePosted>(),
        EventSerializer.TypeName<ConversationStatusChanged>(),
        EventSerializer.TypeName<ConversationAssigned>(),
        EventSerializer.TypeName<ConversationLabelsChanged>(),
    ];

    public string? KeyOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } s ? SearchDocument.KeyOf(s.WorkspaceId, SearchKind.Conversation, s.Id) : null;

    public SearchDocument? Apply(SearchDocument? current, StoredEvent stored)
    {
        var @event = EventSerializer.Deserialize(stored);
        if (@event is ConversationOpened opened)
        {
            var subject = string.IsNullOrWhiteSpace(opened.Subject) ? opened.CustomerName : opened.Subject;
            return (current ?? SearchDocument.Empty(opened.WorkspaceId, SearchKind.Conversation, opened.ConversationId)) with
            {
                Title = subject,
                Subtitle = opened.CustomerName,
                Names = [subject, opened.CustomerName],
                Status = SearchValues.Of(ConversationStatus.Open),
                Channel = SearchValues.Of(opened.Channel),
                QueueId = opened.QueueId,
                CreatedAt = opened.At,
                UpdatedAt = opened.At,
            };
        }

        // Every other event needs the opening one first (the stream starts with it).
        if (current is null) return null;
        var document = current with { UpdatedAt = @event.At };
        return @event switch
        {
            MessagePosted { Kind: MessageKind.Message } m => SearchValues.Append(document, m.Body, isInternal: false),
            MessagePosted { Kind: MessageKind.Note } m => SearchValues.Append(document, m.Body, isInternal: true),
            MessagePosted => current,
            ConversationStatusChanged s => document with { Status = SearchValues.Of(s.To) },
            ConversationAssigned a => document with { AssigneeId = a.AgentId, AssigneeName = a.AgentName },
            ConversationLabelsChanged l => document with { Labels = document.Labels.Union(l.Added).Except(l.Removed).Order(StringComparer.Ordinal).ToList() },
            _ => current,
        };
    }
}
