namespace Crm.Grains.Abstractions.Conversations;

/// <summary>What a thread entry is. All kinds share one gap-free sequence, so a reconnecting client gets them all.</summary>
[GenerateSerializer, Alias("crm.conversations.message-kind")]
public enum MessageKind
{
    /// <summary>A message the customer sees (from the customer or an agent).</summary>
    Message = 0,

    /// <summary>An internal note: agents only, never sent to the customer.</summary>
    Note = 1,

    /// <summary>A system entry: status changed, assigned, and so on.</summary>
    Activity = 2,

    /// <summary>
    /// A supervisor's whisper to the assigned agent: an internal note that only the assignee, its author and
    /// supervisors see; never sent to the customer, never a preview in the inbox.
    /// </summary>
    Whisper = 3,
}
