namespace Crm.Web.Tests.Widget;

/// <summary>What StartConversation returns (the fields the tests look at).</summary>
public sealed record VisitorConversation(string ConversationId, string Subject, DateTimeOffset OpenedAt, long LastSeq);
