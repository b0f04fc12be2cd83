namespace Crm.Benchmarks.Chat;

/// <summary>
/// The few fields of the hubs' payloads the benchmark reads. Crm.Web's records carry more (author, kind, posted-at);
/// the JSON protocol skips what a record does not declare, so the same types read Crm.Web and the baseline relay.
/// </summary>
public static class ChatWire
{
    public const string StartConversation = "StartConversation";
    public const string JoinConversation = "JoinConversation";
    public const string SendMessage = "SendMessage";
    public const string MessagePosted = "MessagePosted";
    public const string ConversationChanged = "ConversationChanged";

    /// <summary>The widget hub's <c>StartChat</c>.</summary>
    public sealed record StartChat(string ConversationId, string? Name, string? Email);

    /// <summary>The widget's view of a started conversation (<c>VisitorConversation</c>).</summary>
    public sealed record StartedConversation(string ConversationId);

    /// <summary>What SendMessage returns and what the visitor's echo carries (<c>VisitorMessage</c>): the committed sequence number.</summary>
    public sealed record SentMessage(long Seq, Guid ClientMessageId);

    /// <summary>A thread entry as an agent receives it (<c>MessageDetails</c>), pushed or returned by JoinConversation.</summary>
    public sealed record AgentMessage(string ConversationId, long Seq, Guid ClientMessageId, string Body);

    /// <summary>Any other push the agents receive (the inbox row after each message); only counted.</summary>
    public sealed record Ignored;
}
