using Crm.Web.Identity;
using Crm.Web.Identity.Authorization;
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
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(CrmClaims.Workspace).Build();
        authorization.AddPolicy(CrmPolicies.SignedIn, signedIn);
        foreach (var name in AuthorizationMatrix.Allowed.Keys.Where(p => p != CrmPolicies.SignedIn && AuthorizationMatrix.RolesFor(p).Count > 0))
        {
            // Not met is left pending by its handler, so a refusal can say "set up two-factor sign-in first".
            var policy = new AuthorizationPolicyBuilder()
                .Combine(signedIn)
                .AddRequirements(new TwoFactorEnrolmentRequirement())
                .RequireRole(AuthorizationMatrix.RolesFor(name))
                .Build();
            authorization.AddPolicy(name, policy);
            if (name == CrmPolicies.Staff) authorization.SetDefaultPolicy(policy);
        }
        // Anything naming no policy (the matrix test fails on it) at least needs a sign-in.
        authorization.SetFallbackPolicy(signedIn);
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
