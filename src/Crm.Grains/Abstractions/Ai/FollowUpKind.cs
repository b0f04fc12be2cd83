namespace Crm.Grains.Abstractions.Ai;

/// <summary>Why a sales rep should follow up now.</summary>
[GenerateSerializer, Alias("crm.ai.follow-up-kind")]
public enum FollowUpKind
{
    /// <summary>An open deal has sat in its stage too long.</summary>
    IdleDeal = 0,

    /// <summary>An open deal's expected close date has passed.</summary>
    CloseDatePassed = 1,

    /// <summary>A customer of the rep wrote something that reads like buying intent (price, quote, upgrade, …).</summary>
    BuyingIntent = 2,
}
