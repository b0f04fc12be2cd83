using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Who sees a supervisor's whisper: the conversation's assignee, its author and supervisors; nobody else.</summary>
public static class Whispers
{
    public static bool CanSee(MessageDetails message, WorkspaceUser user, string? assigneeId) =>
        message.Kind != MessageKind.Whisper
        || message.Author.Id == user.AgentId
        || (assigneeId is not null && assigneeId == user.AgentId)
        || user.May(CrmPolicies.Supervise);
}
