using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Identity.Authorization;

/// <summary>
/// The named policies every endpoint, page and hub refers to (one place to read who may do what):
/// <list type="bullet">
/// <item><see cref="SignedIn"/>: any signed-in console user, even one who still has to set up two-factor sign-in.
/// Their own account (sessions, two-factor set-up, sign-out) and the console's circuit transport.</item>
/// <item><see cref="Console"/> (the default policy): signed in and, when the workspace requires it, with two-factor
/// sign-in on. Everything else a console user does: pages, REST, the conversation hub.</item>
/// <item><see cref="Admin"/>: <see cref="Console"/> with the admin role: users, workspace settings.</item>
/// </list>
/// </summary>
public static class CrmPolicies
{
    public const string SignedIn = "crm:signed-in";
    public const string Console = "crm:console";
    public const string Admin = "crm:admin";

    public static AuthorizationPolicy SignedInPolicy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(CrmClaims.Workspace)
        .Build();

    public static AuthorizationPolicy ConsolePolicy { get; } = new AuthorizationPolicyBuilder()
        .Combine(SignedInPolicy)
        .AddRequirements(new TwoFactorEnrolmentRequirement())
        .Build();

    public static AuthorizationPolicy AdminPolicy { get; } = new AuthorizationPolicyBuilder()
        .Combine(ConsolePolicy)
        .RequireRole(Roles.Admin)
        .Build();

    public static AuthorizationBuilder AddCrmPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(SignedIn, SignedInPolicy)
        .AddPolicy(Console, ConsolePolicy)
        .AddPolicy(Admin, AdminPolicy)
        .SetDefaultPolicy(ConsolePolicy)
        // Endpoints that name no policy at all (Blazor's circuit hub, the logout form post) need only a sign-in: the
        // circuit must open for the two-factor set-up page, and the pages inside it check their own policies.
        .SetFallbackPolicy(SignedInPolicy);
}
