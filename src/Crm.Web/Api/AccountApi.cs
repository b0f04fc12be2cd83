using Crm.Web.Security.Authorization;
using System.Security.Claims;
using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;
using Crm.Web.Identity.Sessions;
using Crm.Web.Identity.TwoFactor;

namespace Crm.Web.Api;

public static class AccountApi
{
    public sealed record CodeRequest(string? Code);

    /// <summary>
    /// /api/account: the signed-in user's own sessions and two-factor sign-in. Signed in is enough (no two-factor
    /// requirement): this is where a user whose workspace requires two-factor sign-in sets it up.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/account").WithTags("Account").RequirePolicy(CrmPolicies.SignedIn);

        api.MapGet("/sessions", async (WorkspaceUser user, ClaimsPrincipal principal, SessionStore sessions) =>
        {
            var current = principal.FindFirstValue(CrmClaims.Session);
            return TypedResults.Ok((await sessions.ListActiveAsync(user.UserId)).Select(s => SessionDetails.From(s, current)).ToList());
        });
        api.MapDelete("/sessions/{sessionId}", async (string sessionId, WorkspaceUser user, SessionStore sessions) =>
        {
            await sessions.EndAsync(user.UserId, sessionId, $"user:{user.UserId}");
            return TypedResults.NoContent();
        });

        var twoFactor = api.MapGroup("/2fa");
        twoFactor.MapGet("", (WorkspaceUser user, TwoFactorService service) => service.GetStatusAsync(user));
        twoFactor.MapPost("/authenticator", (WorkspaceUser user, TwoFactorService service) => service.BeginSetupAsync(user));
        twoFactor.MapPost("/confirm", (CodeRequest request, WorkspaceUser user, TwoFactorService service) =>
            service.ConfirmSetupAsync(user, request.Code));
        twoFactor.MapPost("/recovery-codes", (CodeRequest request, WorkspaceUser user, TwoFactorService service) =>
            service.RegenerateRecoveryCodesAsync(user, request.Code));
        twoFactor.MapPost("/disable", async (CodeRequest request, WorkspaceUser user, TwoFactorService service) =>
        {
            await service.DisableAsync(user, request.Code);
            return TypedResults.NoContent();
        });
        return endpoints;
    }
}
