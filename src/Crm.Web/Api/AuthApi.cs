using Crm.Web.Security.Authorization;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Api;

public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record MeResponse(string UserId, string WorkspaceId, string AgentId, string DisplayName, string? Role);

    /// <summary>/api/auth: cookie sign-in for scripts and the SignalR .NET client; the console uses the login page.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync).RequirePolicy(CrmPolicies.Public).DisableAntiforgery();
        api.MapPost("/logout", LogoutAsync).RequirePolicy(CrmPolicies.Staff);
        api.MapGet("/me", (WorkspaceUser user) => TypedResults.Ok(
            new MeResponse(user.UserId, user.WorkspaceId, user.AgentId, user.DisplayName, user.Role))).RequirePolicy(CrmPolicies.Staff);
        return endpoints;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<CrmUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem("Email and password are required.", statusCode: StatusCodes.Status400BadRequest);
        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem("Too many failed attempts: this account is locked for a few minutes.", statusCode: StatusCodes.Status423Locked);
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.Problem("Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<CrmUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
