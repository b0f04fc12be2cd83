using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Identity.Authorization;

/// <summary>
/// Checks <see cref="TwoFactorEnrolmentRequirement"/> against the current settings (both cached briefly), not the
/// cookie: a user who just turned two-factor on, or whose workspace just started requiring it, is judged by that.
/// </summary>
public sealed class TwoFactorEnrolmentHandler(WorkspaceSecurity workspaces, UserAccessCache access)
    : AuthorizationHandler<TwoFactorEnrolmentRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnrolmentRequirement requirement)
    {
        if (WorkspaceUser.From(context.User) is not { } user) return; // not signed in: the other requirements refuse
        // Not met is left pending rather than failed, so the refusal lists this requirement and can say what to do.
        if (!await workspaces.RequiresTwoFactorAsync(user.WorkspaceId) || (await access.GetAsync(user.UserId))?.TwoFactorEnabled == true)
            context.Succeed(requirement);
    }
}
