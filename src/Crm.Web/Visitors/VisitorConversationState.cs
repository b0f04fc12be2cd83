using Crm.Grains.Abstractions.Conversations;

namespace Crm.Web.Visitors;

/// <summary>What the widget shows about the conversation itself: its status, how far the team has read, and whether to ask for a rating.</summary>
public sealed record VisitorConversationState(ConversationStatus Status, long ReadUpTo, bool CanRate)
{
    public static VisitorConversationState From(ConversationStatus status, long readUpTo, int? csatScore) =>
        new(status, readUpTo, status is ConversationStatus.Resolved or ConversationStatus.Closed && csatScore is null);
}
