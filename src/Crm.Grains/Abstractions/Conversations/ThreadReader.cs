namespace Crm.Grains.Abstractions.Conversations;

/// <summary>A team member reading a thread: who they are, and whether their role supervises (which shows every whisper).</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.thread-reader")]
public sealed record ThreadReader(string AgentId, bool Supervises)
{
    /// <summary>
    /// Who sees a supervisor's whisper: the conversation's assignee (<paramref name="assigneeId"/>), its author and
    /// supervisors; nobody else, and never the customer. Every other entry is for the whole team.
    /// </summary>
    public bool CanSee(MessageDetails message, string? assigneeId) =>
        message.Kind != MessageKind.Whisper
        || message.Author.Id == AgentId
        || (assigneeId is not null && assigneeId == AgentId)
        || Supervises;
}
