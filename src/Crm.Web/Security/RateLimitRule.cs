namespace Crm.Web.Security;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests (or hub calls) per <see cref="Window"/> for one partition.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }
}
