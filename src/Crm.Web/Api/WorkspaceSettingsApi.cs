using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;

namespace Crm.Web.Api;

public static class WorkspaceSettingsApi
{
    public sealed record SlaRequest(BusinessCalendar? Calendar, SlaPolicy? Policy);

    public sealed record SecurityRequest(bool? RequireTwoFactor);

    /// <summary>
    /// /api/workspace/sla: the workspace's business calendar and SLA targets per priority. Anyone in the workspace reads
    /// them (the inbox shows countdowns from them); only admins change them. /api/workspace/security: the sign-in rules
    /// (whether two-factor sign-in is required), on the same terms.
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

        // Sign-in rules: members read them (the console says why it asks for a code), admins change them.
        api.MapGet("/security", (WorkspaceUser user, WorkspaceSecurity security) => security.GetAsync(user.WorkspaceId))
            .RequirePolicy(CrmPolicies.Staff);
        api.MapPut("/security", (SecurityRequest request, WorkspaceUser user, WorkspaceSecurity security) =>
            request.RequireTwoFactor is { } require
                ? security.SetRequireTwoFactorAsync(user, require)
                : throw new DomainException(DomainErrorKind.Invalid, "Send 'requireTwoFactor': true or false."))
            .RequirePolicy(CrmPolicies.Administer);
        return endpoints;
    }
}
