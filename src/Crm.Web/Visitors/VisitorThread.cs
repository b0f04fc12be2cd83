namespace Crm.Web.Visitors;

/// <summary>
/// What a visitor missed: the customer-visible messages after a sequence number, and the conversation's last sequence
/// number overall. Internal notes and activities take sequence numbers too, so the widget moves its cursor to
/// <see cref="LastSeq"/> instead of waiting forever for entries it is not allowed to see.
/// </summary>
public sealed record VisitorThread(IReadOnlyList<VisitorMessage> Messages, long LastSeq, VisitorConversationState? State = null);
