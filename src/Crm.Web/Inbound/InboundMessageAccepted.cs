namespace Crm.Web.Inbound;

/// <summary>
/// The answer to an inbound message: where it landed. <see cref="Created"/> says it opened a new conversation (a retry
/// gives the same answer); <see cref="Notice"/> says why a reply to <c>conversationId</c> started a new one instead.
/// </summary>
public sealed record InboundMessageAccepted(string ConversationId, long Seq, bool Created, string? Notice = null);
