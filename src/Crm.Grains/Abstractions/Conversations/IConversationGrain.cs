namespace Crm.Grains.Abstractions.Conversations;

/// <summary>One conversation (a chat or a ticket). Key: "{workspaceId}/{conversationId}".</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Opens the conversation; idempotent for the same customer, a conflict for another.</summary>
    Task<ConversationDetails> OpenAsync(OpenConversation command);

    /// <summary>Posts a message, acknowledged once committed; a resend with the same client message id returns the original.</summary>
    Task<MessageDetails> PostMessageAsync(PostMessage command);

    /// <summary>Changes the status if the transition is allowed (see ConversationRules); the thread records it.</summary>
    Task<ConversationDetails> ChangeStatusAsync(ChangeStatus command);

    /// <summary>Assigns or unassigns; at most one assignee at any time. The thread records it.</summary>
    Task<ConversationDetails> AssignAsync(AssignConversation command);

    /// <summary>
    /// The router assigns or unassigns (see <see cref="RouteConversation"/> for when it changes nothing). Only while the
    /// conversation is open or pending. Returns the conversation either way: the router compares, and learns the truth.
    /// </summary>
    Task<ConversationDetails> RouteAsync(RouteConversation command);

    Task<ConversationDetails> SetPriorityAsync(SetPriority command);

    Task<ConversationDetails> ChangeLabelsAsync(ChangeLabels command);

    /// <summary>The customer's satisfaction rating (1–5, optional comment), once, after the conversation was resolved.</summary>
    Task<ConversationDetails> RateAsync(RateConversation command);

    /// <summary>An agent has read the thread up to a sequence number: the customer sees "Seen", the inbox drops "unread".</summary>
    Task<ConversationDetails> MarkReadAsync(MarkConversationRead command);

    /// <summary>The conversation; NotFound when it was never opened.</summary>
    Task<ConversationDetails> GetDetailsAsync();

    /// <summary>Messages with a sequence number above <paramref name="afterSeq"/>, in order: what a reconnecting client missed.</summary>
    Task<IReadOnlyList<MessageDetails>> GetMessagesAfterAsync(long afterSeq);

    /// <summary>
    /// As <see cref="GetMessagesAfterAsync"/> for one team member: whispers only when theirs to see (see
    /// <see cref="ThreadReader.CanSee"/>), judged against the assignee at the time of reading.
    /// </summary>
    Task<IReadOnlyList<MessageDetails>> ReadThreadAsync(ReadThread command);
}
