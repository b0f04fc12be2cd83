using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Web.Identity.Users;

/// <summary>
/// Invitation tokens: protected by the data-protection keys, bound to the user's security stamp, so setting the
/// password (which changes the stamp) or issuing a new invitation makes every earlier token stop working.
/// </summary>
public sealed class InviteTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<InviteTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<CrmUser>> logger)
    : DataProtectorTokenProvider<CrmUser>(dataProtection, options, logger)
{
    public const string ProviderName = "CrmInvite";
    public const string Purpose = "accept-invitation";
}
