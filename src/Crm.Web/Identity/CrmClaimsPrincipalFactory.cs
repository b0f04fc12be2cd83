using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Web.Identity;

/// <summary>Puts the user's workspace and agent id into the cookie, so every request is scoped without a database read.</summary>
public sealed class CrmClaimsPrincipalFactory(
    UserManager<CrmUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrmUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.Workspace, user.WorkspaceId));
        identity.AddClaim(new Claim(CrmClaims.Agent, user.AgentId));
        identity.AddClaim(new Claim(CrmClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
