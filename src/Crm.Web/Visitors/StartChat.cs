namespace Crm.Web.Visitors;

/// <summary>
/// What the widget sends to start a chat. <see cref="ConversationId"/> is chosen by the widget and kept across
/// retries, which is what makes a retried start land on the same conversation.
/// </summary>
/// <param name="QueueId">The queue the site's script tag names (data-queue); none: the workspace's default for chats.</param>
public sealed record StartChat(string ConversationId, string? Name, string? Email, string? QueueId = null);
