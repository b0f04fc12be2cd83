namespace Crm.Web.Tests.Support;

/// <summary>
/// Crm:RateLimits raised far above what any test does: tests sign in and post from one address as fast as they can,
/// which the production limits rightly refuse. The limiter still runs on every request, so a 500 from it would show.
/// Only the tests under Security/ run with the real limits.
/// </summary>
public static class RaisedRateLimits
{
    private static readonly string[] Rules = ["Login", "LoginPerEmail", "WidgetSessions", "WidgetUploads", "Anonymous", "HubMessages", "HubTyping"];

    public static Dictionary<string, string?> AddTo(Dictionary<string, string?> settings)
    {
        foreach (var rule in Rules) settings[$"Crm:RateLimits:{rule}:PermitLimit"] = "1000000";
        return settings;
    }
}
