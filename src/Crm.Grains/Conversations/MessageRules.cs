using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;

namespace Crm.Grains.Conversations;

/// <summary>
/// What a posted message must satisfy against the conversation's state, as plain functions (testable without a
/// cluster). The grain runs them inside its turn, so a check and the commit it guards cannot be split by another
/// command (a whisper's assignee cannot leave in between).
/// </summary>
public static class MessageRules
{
    /// <summary>The one place the client message id is required: an empty one would make every later message "a resend" of the first.</summary>
    public static void RequireClientMessageId(Guid clientMessageId)
    {
        if (clientMessageId == Guid.Empty)
            throw new DomainException(DomainErrorKind.Invalid, "A message needs a clientMessageId: a new GUID per message, kept for retries.");
    }

    /// <summary>The event for a new (not resent) message at <paramref name="seq"/>, or a domain error saying why not.</summary>
    public static MessagePosted Posted(ConversationState state, PostMessage command, string workspaceId, long seq)
    {
        ConversationRules.RequireCanPost(state.Status, command.Author.Kind, command.Kind);
        if (command.Kind == MessageKind.Whisper && state.AssigneeId is null)
            throw new DomainException(DomainErrorKind.Conflict, "Nobody is assigned to this conversation: there is no one to whisper to.");
        var attachments = ConversationRules.RequireAttachments(workspaceId, command.Attachments);
        var body = MessageLimits.RequireBody(command.Body, attachments is not null);
        return new MessagePosted(seq, command.ClientMessageId, command.Author, body, command.Kind, MentionsOf(command, body), attachments);
    }

    /// <summary>A note's mentions: the ids given, or else the teammates its body names with "@agentId".</summary>
    private static string[]? MentionsOf(PostMessage command, string body)
    {
        if (command.Kind != MessageKind.Note) return null;
        var mentions = command.Mentions is { Count: > 0 } given ? given
            : command.Teammates is { Count: > 0 } teammates ? Mentions.Find(body, teammates)
            : [];
        return mentions.Count == 0 ? null : mentions.Select(id => Ids.Require(id, "mentioned agent")).Distinct().ToArray();
    }
}
