using System.Security.Claims;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// The login cookie's life, tied to a server-side session: signing in starts one (its id becomes a claim), every
/// request checks it and the user (both cached briefly), signing out ends it. This replaces Identity's security-stamp
/// validator, which only looked every 30 minutes: an ended session, a deactivation or a role change counts from the
/// next request here. APIs and hubs get 401/403 instead of a redirect to a page a script cannot show.
/// </summary>
public sealed class SessionCookieEvents(SessionStore sessions, UserAccessCache access) : CookieAuthenticationEvents
{
    /// <summary>AuthenticationProperties item: the session id, so a refreshed sign-in (same cookie, new claims) keeps its session.</summary>
    private const string SessionItem = "crm.session";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId
            || identity.FindFirst(CrmClaims.Workspace)?.Value is not { } workspaceId)
            return;

        var sessionId = context.Properties.Items.TryGetValue(SessionItem, out var kept) && kept is not null
            && await sessions.IsActiveAsync(kept, userId)
            ? kept
            : await sessions.StartAsync(userId, workspaceId, context.Request.Headers.UserAgent.ToString(),
                context.HttpContext.Connection.RemoteIpAddress?.ToString());
        context.Properties.Items[SessionItem] = sessionId;
        foreach (var stale in identity.FindAll(CrmClaims.Session).ToList()) identity.RemoveClaim(stale);
        identity.AddClaim(new Claim(CrmClaims.Session, sessionId));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal?.FindFirstValue(CrmClaims.Session);
        // A cookie without a session (issued before sessions existed) is refused like an ended one: sign in again.
        if (userId is null || sessionId is null || !await sessions.IsActiveAsync(sessionId, userId)
            || await access.GetAsync(userId) is not { Deactivated: false } current)
        {
            await RejectAsync(context);
            return;
        }

        if (WorkspaceUser.From(principal) is not { } cookie
            || cookie.Role != current.Role || cookie.DisplayName != current.DisplayName || cookie.WorkspaceId != current.WorkspaceId)
        {
            // The role (or name) changed since the cookie was issued: this request already runs with the new one, and
            // the renewed cookie carries it from now on.
            if (await FreshPrincipalAsync(context, userId, sessionId) is not { } fresh)
            {
                await RejectAsync(context);
                return;
            }
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
        await sessions.TouchAsync(sessionId);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(CrmClaims.Session) is { } sessionId)
            await sessions.EndQuietlyAsync(sessionId, "signed-out");
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        RedirectOrStatus(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        RedirectOrStatus(context, StatusCodes.Status403Forbidden);

    private static async Task<ClaimsPrincipal?> FreshPrincipalAsync(CookieValidatePrincipalContext context, string userId, string sessionId)
    {
        var services = context.HttpContext.RequestServices;
        if (await services.GetRequiredService<UserManager<CrmUser>>().FindByIdAsync(userId) is not { } user) return null;
        var fresh = await services.GetRequiredService<IUserClaimsPrincipalFactory<CrmUser>>().CreateAsync(user);
        var identity = (ClaimsIdentity)fresh.Identity!;
        identity.AddClaim(new Claim(CrmClaims.Session, sessionId));
        // How the user signed in (a two-factor sign-in adds "amr": "mfa") is still true of this session.
        foreach (var amr in context.Principal!.FindAll("amr")) identity.AddClaim(new Claim(amr.Type, amr.Value));
        return fresh;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IdentityExtensions.IsApiOrHub(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
