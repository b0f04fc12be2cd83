namespace Crm.Web.Inbound;

/// <summary>
/// The body of POST /api/inbound/{workspaceId}/messages, as sent: every field nullable, so a missing one gets a
/// message that names it (see <see cref="InboundMessage.From"/>) instead of a generic binding error.
/// </summary>
public sealed record InboundMessageRequest(
    string? Channel,
    string? MessageId,
    InboundSender? From,
    string? Subject,
    string? Text,
    string? ConversationId);
