using System.Security.Claims;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Identity;

/// <summary>The signed-in user as the services see it: every grain key they build starts with <see cref="WorkspaceId"/>.</summary>
public sealed record WorkspaceUser(string UserId, string WorkspaceId, string AgentId, string DisplayName, string? Role)
{
    public string Actor => Author.Actor;

    /// <summary>How this user appears in threads and in the audit trail.</summary>
    public Author Author => new(AuthorKind.Agent, AgentId, DisplayName);

    /// <summary>Whether the authorization matrix lets this user's role do what <paramref name="policy"/> guards.</summary>
    public bool May(string policy) => Caller is { } caller && AuthorizationMatrix.Allows(policy, caller);

    /// <summary>
    /// The matrix's check again inside the services, for callers that reach them without an endpoint's policy in front
    /// (the console's Blazor components call the services directly).
    /// </summary>
    public void Require(string policy)
    {
        if (!May(policy))
            throw new DomainException(DomainErrorKind.Forbidden,
                $"Your role ({Role ?? "none"}) may not do this; it needs: {string.Join(", ", AuthorizationMatrix.RolesFor(policy))}.");
    }

    private Caller? Caller => AuthorizationMatrix.CallerOf(Role);

    /// <summary>Reads the claims the login cookie carries; null for an anonymous or foreign principal.</summary>
    public static WorkspaceUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        var workspace = principal.FindFirstValue(CrmClaims.Workspace);
        var agent = principal.FindFirstValue(CrmClaims.Agent);
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(workspace) || string.IsNullOrEmpty(agent) || userId is null) return null;
        var role = Roles.All.FirstOrDefault(principal.IsInRole);
        return new WorkspaceUser(userId, workspace, agent, principal.FindFirstValue(CrmClaims.DisplayName) ?? agent, role);
    }
}
