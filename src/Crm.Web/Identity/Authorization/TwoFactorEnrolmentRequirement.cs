using Microsoft.AspNetCore.Authorization;

namespace Crm.Web.Identity.Authorization;

/// <summary>Met unless the user's workspace requires two-factor sign-in and the user has not turned it on.</summary>
public sealed class TwoFactorEnrolmentRequirement : IAuthorizationRequirement
{
    public const string Message =
        "Your workspace requires two-factor sign-in: set it up first (the console's Two-factor page, or POST /api/account/2fa/authenticator).";

    public const string EnrolPath = "/account/two-factor";
}
