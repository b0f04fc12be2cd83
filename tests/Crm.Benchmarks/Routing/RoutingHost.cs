using Crm.Testing.Hosts;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// A real Crm.Web process (silo in-process, SQLite) on a temp data folder, with the demo workspace and
/// <paramref name="agents"/> extra demo agents seeded (agent-1@demo.crm …). Seeding them is far cheaper than inviting
/// each through the admin API (one password hash for all, no invitation round trips), and they are ordinary users.
/// </summary>
public static class RoutingHost
{
    private static readonly string[] RateLimitRules = ["Login", "LoginPerEmail", "WidgetSessions", "WidgetUploads", "Anonymous", "HubMessages", "HubTyping"];

    public static Task<CrmProcess> StartAsync(string dataPath, int agents)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Crm:DataPath"] = dataPath,
            // Measured as customers run it, not with Development's extra middleware.
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Crm:Demo:ExtraAgents"] = agents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // One address signing in hundreds of agents and opening hundreds of conversations a second: the abuse limits
        // would refuse it, so they are raised; the limiter itself still runs on every call.
        foreach (var rule in RateLimitRules)
            settings[$"Crm:RateLimits:{rule}:PermitLimit"] = "100000000";
        return CrmProcess.StartAsync("Crm.Web", settings);
    }
}
