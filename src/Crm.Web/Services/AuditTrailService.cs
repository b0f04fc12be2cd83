using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>
/// The signed-in admin's workspace's audit trail and hash chain. The workspace comes from the caller's claims, never
/// from the request, so an admin reads only their own workspace. Refuses anyone but an admin even where the endpoint
/// or page already does: the trail shows every change by everyone.
/// </summary>
public sealed class AuditTrailService(IGrainFactory grains)
{
    public Task<AuditPage> ReadAsync(WorkspaceUser user, AuditQuery query) => Grain(user).ReadAsync(query.Validate());

    public Task<AuditChainStatus> VerifyChainAsync(WorkspaceUser user) => Grain(user).VerifyChainAsync();

    private IAuditTrailGrain Grain(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<IAuditTrailGrain>(user.WorkspaceId);
    }
}
