namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Alias("crm.conversations.author-kind")]
public enum AuthorKind
{
    Customer = 0,

    /// <summary>A person on the team.</summary>
    Agent = 1,

    /// <summary>The application itself (the scheduler waking a snoozed conversation, and the like).</summary>
    System = 2,

    /// <summary>
    /// An automated responder (a chatbot, an auto-reply) writing in a thread. Its messages reach the customer but are
    /// not human replies: response-time reports and SLA clocks do not count them.
    /// </summary>
    Bot = 3,
}
