using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Identity;

namespace Crm.Web.Api;

public static class WorkspaceSettingsApi
{
    public sealed record SlaRequest(BusinessCalendar? Calendar, SlaPolicy? Policy);

    /// <summary>
    /// /api/workspace/sla: the workspace's business calendar and SLA targets per priority. Anyone in the workspace reads
    /// them (the inbox shows countdowns from them); only admins change them.
    /// </summary>
    public static IEndpointRouteBuilder MapWorkspaceSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/workspace").WithTags("Workspace");
        api.MapGet("/sla", async (WorkspaceUser user, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IWorkspaceGrain>(user.WorkspaceId).GetSlaAsync())).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("/sla", async (SlaRequest request, WorkspaceUser user, IGrainFactory grains) =>
        {
            if (request.Calendar is null || request.Policy is null)
                throw new DomainException(DomainErrorKind.Invalid, "Send both 'calendar' and 'policy'.");
            return TypedResults.Ok(await grains.GetGrain<IWorkspaceGrain>(user.WorkspaceId)
                .ConfigureSlaAsync(new ConfigureSla(request.Calendar, request.Policy, user.Actor)));
        }).RequirePolicy(CrmPolicies.Administer);
        return endpoints;
    }
}
