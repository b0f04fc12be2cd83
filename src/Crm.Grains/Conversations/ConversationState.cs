using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations;

public sealed class ConversationState : IEventSourcedState
{
    public ConversationOpened? Opened { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public ConversationStatus Status { get; private set; }
    public List<MessageDetails> Messages { get; } = [];

    /// <summary>Client message id to index in <see cref="Messages"/>: what makes a resend return the original.</summary>
    public Dictionary<Guid, int> MessageIndexByClientId { get; } = [];

    public long LastSeq => Messages.Count;

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case ConversationOpened e:
                Opened = e;
                OpenedAt = e.At;
                Status = ConversationStatus.Open;
                break;
            case MessagePosted e:
                MessageIndexByClientId[e.ClientMessageId] = Messages.Count;
                Messages.Add(new MessageDetails(Opened!.WorkspaceId, Opened.ConversationId, e.Seq, e.ClientMessageId, e.Author, e.Body, e.At));
                break;
        }
    }
}
