using Crm.Grains.Abstractions.Conversations;

namespace Crm.Web.Visitors;

/// <summary>One of the visitor's conversations, as the widget lists it.</summary>
public sealed record VisitorConversation(string ConversationId, string Subject, ConversationStatus Status, DateTimeOffset OpenedAt, long LastSeq)
{
    public static VisitorConversation From(ConversationDetails d) => new(d.ConversationId, d.Subject, d.Status, d.OpenedAt, d.LastSeq);
}
