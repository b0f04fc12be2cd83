using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.CannedResponses;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>The signed-in user's workspace's canned responses.</summary>
public sealed class CannedResponseService(IGrainFactory grains)
{
    public Task<IReadOnlyList<CannedResponse>> ListAsync(WorkspaceUser user) => Grain(user).ListAsync();

    public Task<CannedResponse> SaveAsync(WorkspaceUser user, string shortcut, string? title, string? body) =>
        Editable(user).SaveAsync(new SaveCannedResponse(shortcut, title ?? "", body ?? "", user.Actor));

    public Task DeleteAsync(WorkspaceUser user, string shortcut) => Editable(user).DeleteAsync(shortcut, user.Actor);

    private ICannedResponsesGrain Editable(WorkspaceUser user)
    {
        user.Require(CrmPolicies.ManageCannedResponses);
        return Grain(user);
    }

    private ICannedResponsesGrain Grain(WorkspaceUser user) => grains.GetGrain<ICannedResponsesGrain>(user.WorkspaceId);
}
