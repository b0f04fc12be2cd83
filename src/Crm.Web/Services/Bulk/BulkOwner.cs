using Crm.Web.Identity;

namespace Crm.Web.Services.Bulk;

/// <summary>The owner a bulk "assign owner" names: a member of the caller's workspace, checked once per call.</summary>
public static class BulkOwner
{
    public static async Task<string> RequireMemberAsync(AgentDirectory people, WorkspaceUser user, string? ownerId)
    {
        if (string.IsNullOrWhiteSpace(ownerId)) throw BulkSelection.Invalid("Name the new owner: ownerId.");
        var members = await people.ListAsync(user.WorkspaceId);
        return members.Any(m => m.AgentId == ownerId) ? ownerId
            : throw BulkSelection.Invalid($"'{ownerId}' is not a member of this workspace's staff.");
    }
}
