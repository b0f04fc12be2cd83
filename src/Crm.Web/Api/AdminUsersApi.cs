using Crm.Web.Security.Authorization;
using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;
using Crm.Web.Identity.Users;

namespace Crm.Web.Api;

public static class AdminUsersApi
{
    public sealed record RoleRequest(string? Role);

    /// <summary>An invitation with the absolute link to hand over (built from this request's address).</summary>
    public sealed record InvitationResponse(UserDetails User, string Code, string InviteUrl, DateTimeOffset ExpiresAt);

    /// <summary>
    /// /api/admin/users: an admin manages the members of their own workspace (never another's: those read as 404).
    /// Deactivating ends the user's sessions and closes their live connections at once; a role change applies from
    /// the user's next request.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/admin/users").WithTags("Admin: users").RequirePolicy(CrmPolicies.Administer);

        api.MapGet("", (WorkspaceUser admin, UserAdministration users) => users.ListAsync(admin));
        api.MapPost("/invitations", async (InviteUser request, WorkspaceUser admin, UserAdministration users, HttpRequest http) =>
        {
            var invitation = await users.InviteAsync(admin, request);
            return TypedResults.Created($"/api/admin/users/{invitation.User.UserId}", Respond(invitation, http));
        });
        api.MapPost("/{userId}/invitation", async (string userId, WorkspaceUser admin, UserAdministration users, HttpRequest http) =>
            TypedResults.Ok(Respond(await users.ReinviteAsync(admin, userId), http)));
        api.MapPut("/{userId}/role", (string userId, RoleRequest request, WorkspaceUser admin, UserAdministration users) =>
            users.ChangeRoleAsync(admin, userId, request.Role));
        api.MapPost("/{userId}/deactivate", (string userId, WorkspaceUser admin, UserAdministration users) => users.DeactivateAsync(admin, userId));
        api.MapPost("/{userId}/reactivate", (string userId, WorkspaceUser admin, UserAdministration users) => users.ReactivateAsync(admin, userId));
        api.MapPost("/{userId}/two-factor/reset", (string userId, WorkspaceUser admin, UserAdministration users) =>
            users.ResetTwoFactorAsync(admin, userId));
        api.MapGet("/{userId}/sessions", (string userId, WorkspaceUser admin, UserAdministration users) => users.ListSessionsAsync(admin, userId));
        api.MapDelete("/{userId}/sessions/{sessionId}", async (string userId, string sessionId, WorkspaceUser admin, UserAdministration users) =>
        {
            await users.EndSessionAsync(admin, userId, sessionId);
            return TypedResults.NoContent();
        });
        api.MapDelete("/{userId}/sessions", async (string userId, WorkspaceUser admin, UserAdministration users) =>
        {
            await users.EndAllSessionsAsync(admin, userId);
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    private static InvitationResponse Respond(Invitation invitation, HttpRequest http) =>
        new(invitation.User, invitation.Code, $"{http.Scheme}://{http.Host}{http.PathBase}/{invitation.AcceptPath}", invitation.ExpiresAt);
}
