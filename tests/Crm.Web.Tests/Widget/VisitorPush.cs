namespace Crm.Web.Tests.Widget;

/// <summary>One MessagePosted(conversationId, message) push a visitor's connection received.</summary>
public sealed record VisitorPush(string ConversationId, VisitorMessage Message);
