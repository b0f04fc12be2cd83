using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Crm.Web.Identity.Authorization;

/// <summary>
/// Says why a signed-in user was refused. APIs and hubs: a 403 ProblemDetails naming what is missing (two-factor
/// set-up, or the role). Pages: a user who must set up two-factor sign-in is sent to that page, anyone else refused
/// gets the usual access-denied redirect. Not signed in: the usual 401 / login redirect.
/// </summary>
public sealed class CrmAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        var mustEnrol = failed.OfType<TwoFactorEnrolmentRequirement>().Any();
        if (IdentityExtensions.IsApiOrHub(context.Request.Path))
        {
            var detail = mustEnrol
                ? TwoFactorEnrolmentRequirement.Message
                : failed.OfType<RolesAuthorizationRequirement>().FirstOrDefault() is { } roles
                    ? $"This needs the {string.Join(" or ", roles.AllowedRoles)} role."
                    : "You are not allowed to do this.";
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Forbidden",
                    Detail = detail,
                    Extensions = { ["twoFactorEnrolmentRequired"] = mustEnrol },
                },
            });
            return;
        }

        if (mustEnrol)
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{TwoFactorEnrolmentRequirement.EnrolPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
