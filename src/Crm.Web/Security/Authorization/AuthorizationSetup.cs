using Crm.Web.Identity;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Security.Authorization;

/// <summary>Registers the matrix's policies, and lets an endpoint say which one it carries.</summary>
public static class AuthorizationSetup
{
    public static IHostApplicationBuilder AddCrmAuthorization(this IHostApplicationBuilder builder)
    {
        var authorization = builder.Services.AddAuthorizationBuilder();
        authorization.AddPolicy(CrmPolicies.Visitor, policy => policy
            .AddAuthenticationSchemes(VisitorAuthenticationHandler.SchemeName)
            .RequireClaim(Visitor.WorkspaceClaim)
            .RequireClaim(Visitor.CustomerClaim));
        foreach (var policy in AuthorizationMatrix.Allowed.Keys.Where(p => AuthorizationMatrix.RolesFor(p).Count > 0))
        {
            authorization.AddPolicy(policy, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(CrmClaims.Workspace)
                .RequireRole(AuthorizationMatrix.RolesFor(policy)));
        }
        return builder;
    }

    /// <summary>
    /// Puts <paramref name="policy"/> on the endpoints: enforced by the authorization middleware for user and visitor
    /// policies; for <see cref="CrmPolicies.Public"/> and <see cref="CrmPolicies.Integration"/> the endpoint is
    /// anonymous to the authentication schemes (the integration key filter does its own check).
    /// </summary>
    public static TBuilder RequirePolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        _ = AuthorizationMatrix.Allowed.ContainsKey(policy) ? policy : throw new ArgumentException($"'{policy}' is not in the matrix.", nameof(policy));
        builder.WithMetadata(new CrmPolicyAttribute(policy));
        return policy is CrmPolicies.Public or CrmPolicies.Integration ? builder.AllowAnonymous() : builder.RequireAuthorization(policy);
    }
}
