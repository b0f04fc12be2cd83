namespace Crm.Web.Visitors;

/// <summary>
/// What the widget sends to start a chat. <see cref="ConversationId"/> is chosen by the widget and kept across
/// retries, which is what makes a retried start land on the same conversation.
/// </summary>
public sealed record StartChat(string ConversationId, string? Name, string? Email);
