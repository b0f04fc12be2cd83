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

    /// <summary>
    /// The one answer to a refused email and password, whether the account is unknown, the password wrong or the account
    /// locked: a different answer for a locked account would tell a stranger that the email has an account. It says how
    /// lockout works, so an owner refused with the right password knows to wait.
    /// </summary>
    public const string PasswordRefusedMessage =
        "Wrong email or password. After 5 wrong attempts an account is locked for 5 minutes, even with the right password: wait, then try again.";

    public override async Task<bool> CanSignInAsync(CrmUser user) =>
        await base.CanSignInAsync(user) && !await security.Deactivations.AnyAsync(d => d.UserId == user.Id);
}
