using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity.Users;

/// <summary>Invitations last a week (password resets, on the default provider, keep its day).</summary>
public sealed class InviteTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(7);

    public InviteTokenProviderOptions()
    {
        Name = InviteTokenProvider.ProviderName;
        TokenLifespan = Lifespan;
    }
}
