using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Web.Identity.Users;

/// <summary>Identity's sign-in, refusing deactivated users (read from the store, not a cache: this is the moment that counts).</summary>
public sealed class CrmSignInManager(
    UserManager<CrmUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CrmUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CrmUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CrmUser> confirmation,
    SecurityDbContext security)
    : SignInManager<CrmUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string NotAllowedMessage = "This account is not active: ask your workspace admin.";

    public override async Task<bool> CanSignInAsync(CrmUser user) =>
        await base.CanSignInAsync(user) && !await security.Deactivations.AnyAsync(d => d.UserId == user.Id);
}
