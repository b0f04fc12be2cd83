using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Crm.Testing.Hosts;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// The system under test: a real Crm.Web process (silo in-process, SQLite store) on a temp data folder, with the demo
/// workspace seeded. <see cref="CrashAndRestartAsync"/> kills it like a crash and starts a new one on the same folder.
/// </summary>
public sealed class CrmTarget : ChatTarget
{
    private static readonly string[] AgentEmails = ["agent@demo.crm", "agent2@demo.crm"];
    private readonly Dictionary<string, string?> _settings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, CookieContainer> _agentCookies = [];
    private CrmProcess _process;

    private CrmTarget(CrmProcess process, Dictionary<string, string?> settings)
        : base("crm", process.BaseAddress, "/hubs/widget", "/hubs/conversations")
    {
        _process = process;
        _settings = settings;
    }

    private static readonly string[] RateLimitRules = ["Login", "LoginPerEmail", "WidgetSessions", "WidgetUploads", "Anonymous", "HubMessages", "HubTyping"];

    public string DataPath => _settings["Crm:DataPath"]!;

    /// <summary>The running Crm.Web process's id, found among this process's children, for its CPU time.</summary>
    public int? ProcessId => ServerProbe.FindChildProcess("Crm.Web.dll");

    /// <summary>The last lines Crm.Web wrote (its log).</summary>
    public string Output => _process.Output;

    /// <param name="extra">More settings (e.g. <c>ASPNETCORE_ENVIRONMENT</c>), over the benchmark's own.</param>
    public static async Task<CrmTarget> StartAsync(string dataPath, IReadOnlyDictionary<string, string?>? extra = null)
    {
        // Production, as it runs for customers: Development adds detailed errors and developer middleware whose cost
        // is not the product's.
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = dataPath, ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        // A load test is one address sending thousands of messages a second: the abuse limits (right for the public)
        // would refuse it, so they are raised here; the limiter itself still runs on every call.
        foreach (var rule in RateLimitRules)
            settings[$"Crm:RateLimits:{rule}:PermitLimit"] = "100000000";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var target = new CrmTarget(await CrmProcess.StartAsync("Crm.Web", settings), settings);
        await target.WaitForDemoHistoryAsync(TimeSpan.FromMinutes(5));
        return target;
    }

    /// <summary>
    /// A first start writes the demo's 30 days of history after /health/ready: measured load waits until it has landed,
    /// or the numbers would be the seeder's as much as the product's.
    /// </summary>
    private async Task WaitForDemoHistoryAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using var response = await _http.GetAsync(new Uri(BaseAddress, "health/ready"));
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!json.RootElement.TryGetProperty("checks", out var checks) || !checks.TryGetProperty("demo-history", out var history)
                || !history.TryGetProperty("data", out var data) || !data.TryGetProperty("landing", out var landing) || !landing.GetBoolean())
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The demo history was still landing {limit} after the start.");
    }

    public override async Task<string?> CreateVisitorAsync(int index)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(BaseAddress, "api/widget/sessions"), new { workspaceId = "demo", token = (string?)null });
        response.EnsureSuccessStatusCode();
        var session = await response.Content.ReadFromJsonAsync<Session>() ?? throw new InvalidOperationException("No session in the answer.");
        return session.Token;
    }

    public override async Task<CookieContainer?> SignInAgentAsync(int index)
    {
        var email = AgentEmails[index % AgentEmails.Length];
        if (!_agentCookies.TryGetValue(email, out var cookies))
        {
            using var client = await ConsoleClient.SignInAsync(BaseAddress, email);
            _agentCookies[email] = cookies = client.Cookies;
        }
        return cookies;
    }

    /// <summary>Kills the process (no graceful shutdown) and starts a new one on the same data folder; returns how long it was away.</summary>
    public async Task<TimeSpan> CrashAndRestartAsync()
    {
        var down = Stopwatch.StartNew();
        _process.Kill();
        await _process.DisposeAsync();
        _process = await CrmProcess.StartAsync("Crm.Web", _settings);
        BaseAddress = _process.BaseAddress;
        return down.Elapsed;
    }

    public Task<string> ScrapeMetricsAsync() => _http.GetStringAsync(new Uri(BaseAddress, "metrics"));

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private sealed record Session(string Token, string CustomerId);
}
