using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;
using Crm.Web.Identity.TwoFactor;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Crm.Web.Api;

public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    /// <summary>The second step: <see cref="Code"/> from the authenticator app, or one <see cref="RecoveryCode"/>.</summary>
    public sealed record TwoFactorRequest(string? Code, string? RecoveryCode);

    public sealed record AcceptInvitationRequest(string? Code, string? Password);

    public sealed record MeResponse(
        string UserId, string WorkspaceId, string AgentId, string DisplayName, string? Role, bool TwoFactorEnabled = false,
        bool TwoFactorEnrolmentRequired = false);

    public const string TwoFactorPath = "/api/auth/two-factor";
    public const string AcceptInvitationPath = "/api/auth/invitations/accept";

    /// <summary>
    /// /api/auth: cookie sign-in for scripts and the SignalR .NET client (the console uses the login page). A user with
    /// two-factor sign-in gets 401 with <c>twoFactorRequired: true</c> and a short-lived cookie, then posts the code to
    /// /api/auth/two-factor. Invitations are accepted here too (anonymous: the code is the credential).
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync).RequirePolicy(CrmPolicies.Public).DisableAntiforgery();
        api.MapPost("/two-factor", TwoFactorAsync).RequirePolicy(CrmPolicies.Public).DisableAntiforgery();
        api.MapPost("/invitations/accept", async (AcceptInvitationRequest request, UserAdministration admin) =>
        {
            await admin.AcceptInvitationAsync(request.Code, request.Password);
            return TypedResults.NoContent();
        }).RequirePolicy(CrmPolicies.Public).DisableAntiforgery();
        // Signed in is enough: a user who must still set up two-factor sign-in can see who they are and sign out.
        api.MapPost("/logout", LogoutAsync).RequirePolicy(CrmPolicies.SignedIn);
        api.MapGet("/me", MeAsync).RequirePolicy(CrmPolicies.SignedIn);
        return endpoints;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<CrmUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem("Email and password are required.", statusCode: StatusCodes.Status400BadRequest);
        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        var result = user is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return TypedResults.Problem(
                $"Enter the code from your authenticator app (or a recovery code): POST {TwoFactorPath} within 5 minutes.",
                statusCode: StatusCodes.Status401Unauthorized, extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
        // Locked or not, known or not: the same 401, so the answer never tells whether the email has an account.
        return result.IsLockedOut ? TypedResults.Problem(CrmSignInManager.PasswordRefusedMessage, statusCode: StatusCodes.Status401Unauthorized)
            : Answer(result, CrmSignInManager.PasswordRefusedMessage);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> TwoFactorAsync(TwoFactorRequest request, SignInManager<CrmUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Code) == string.IsNullOrWhiteSpace(request.RecoveryCode))
            throw new DomainException(DomainErrorKind.Invalid, "Send either 'code' (from your authenticator app) or 'recoveryCode'.");
        var code = request.Code is { Length: > 0 } ? TwoFactorCodes.RequireAuthenticatorCode(request.Code) : null;
        var recoveryCode = code is null ? TwoFactorCodes.RequireRecoveryCode(request.RecoveryCode) : null;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return TypedResults.Problem("Sign in with your email and password first (the code step lasts 5 minutes).",
                statusCode: StatusCodes.Status401Unauthorized);
        var result = code is not null
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode!);
        return Answer(result, code is not null ? "That code is not right." : "That recovery code is not right or was already used.");
    }

    private static Results<NoContent, ProblemHttpResult> Answer(SignInResult result, string wrong)
    {
        if (result.Succeeded) return TypedResults.NoContent();
        if (result.IsLockedOut)
            return TypedResults.Problem("Too many failed attempts: this account is locked for a few minutes.", statusCode: StatusCodes.Status423Locked);
        if (result.IsNotAllowed)
            return TypedResults.Problem(CrmSignInManager.NotAllowedMessage, statusCode: StatusCodes.Status403Forbidden);
        return TypedResults.Problem(wrong, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<MeResponse>> MeAsync(WorkspaceUser user, UserAccessCache access, WorkspaceSecurity workspaces)
    {
        var twoFactor = (await access.GetAsync(user.UserId))?.TwoFactorEnabled == true;
        var required = await workspaces.RequiresTwoFactorAsync(user.WorkspaceId);
        return TypedResults.Ok(new MeResponse(user.UserId, user.WorkspaceId, user.AgentId, user.DisplayName, user.Role, twoFactor, required && !twoFactor));
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<CrmUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
