using System.Net.Http.Json;
using Crm.Testing.Hosts;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// The seeded agents, each signed in with its own cookie, kept Online by heartbeating like an open console, and
/// resolving what they are given after the hold time so capacity frees again.
/// </summary>
public sealed class AgentPool : IAsyncDisposable
{
    // Under the 20 s session lease with room for a slow answer under load.
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(6);
    private const int SignInConcurrency = 4;
    private readonly Dictionary<string, ConsoleClient> _agents;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeats;
    private int _resolveFailures;

    private AgentPool(Dictionary<string, ConsoleClient> agents)
    {
        _agents = agents;
        _heartbeats = HeartbeatLoopAsync();
    }

    public int Count => _agents.Count;

    public int ResolveFailures => _resolveFailures;

    /// <summary>Gives each agent its capacity (as the admin), signs each in and sends a first heartbeat.</summary>
    public static async Task<AgentPool> StartAsync(Uri baseAddress, ConsoleClient admin, int count, int ticketCapacity)
    {
        var agents = new Dictionary<string, ConsoleClient>();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = SignInConcurrency }, async (n, _) =>
        {
            var agentId = $"agent-{n}";
            using (var configured = await admin.Http.PutAsJsonAsync($"api/agents/{agentId}/routing", new { chatCapacity = 2, ticketCapacity }))
                configured.EnsureSuccessStatusCode();
            var client = await ConsoleClient.SignInAsync(baseAddress, $"{agentId}@demo.crm");
            lock (agents) agents[agentId] = client;
            await HeartbeatAsync(agentId, client);
        });
        return new AgentPool(agents);
    }

    /// <summary>The assignee resolves the conversation after the hold time (in the background).</summary>
    public void ResolveLater(string agentId, string conversationId, TimeSpan hold)
    {
        if (!_agents.TryGetValue(agentId, out var agent)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                // The simulated agent's working time with the customer: a hold, not a wait for a condition.
                await Task.Delay(hold, _stop.Token);
                using var response = await agent.Http.PutAsJsonAsync($"api/conversations/{conversationId}/status", new { status = "resolved" });
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref _resolveFailures);
            }
            catch (OperationCanceledException)
            {
                // The run ended first.
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _resolveFailures);
            }
        });
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await Parallel.ForEachAsync(_agents, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = _stop.Token },
                    async (pair, _) => await HeartbeatAsync(pair.Key, pair.Value));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static async Task HeartbeatAsync(string agentId, ConsoleClient client)
    {
        // One session per agent for the whole run, like one console tab.
        using var response = await client.Http.PostAsJsonAsync("api/agents/me/heartbeat", new { sessionId = $"bench-{agentId}" });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _heartbeats;
        }
        catch (HttpRequestException)
        {
            // A heartbeat to a server that is going away.
        }
        foreach (var agent in _agents.Values) agent.Dispose();
        _stop.Dispose();
    }
}
