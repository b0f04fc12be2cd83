using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Crm.Benchmarks.Chat;
using Crm.Testing.Hosts;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// Routing under a sustained arrival rate: a real Crm.Web with N seeded agents kept Online by heartbeats, a
/// least-loaded queue, new conversations opened into it open-loop over REST, each resolved by its agent after a hold so
/// capacity frees. The supervisor's SignalR board is the judge: enqueue (the open call's return) to the first board row
/// showing the conversation assigned, board staleness, double assignment and over-capacity, checked again on the final
/// REST board. The baseline is the same arrival rate against a bare in-process SignalR echo.
/// Last line: <c>routing arrivals_per_s=… assign_p50_ms=… assign_p99_ms=… board_staleness_p99_ms=… double_assigned=… over_capacity=…</c>.
/// </summary>
public static class RoutingBenchmark
{
    private const string QueueId = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var profile = quick ? RoutingProfile.Quick : RoutingProfile.Full;
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-routing-{Guid.NewGuid():N}");
        Log($"routing: {(quick ? "quick" : "full")}; {profile.Agents} agents x {profile.TicketCapacity} slots, {profile.ArrivalsPerSecond}/s for {profile.Duration.TotalSeconds:0} s, hold {profile.Hold.TotalSeconds:0} s; {Environment.ProcessorCount} cores, load average {ServerProbe.LoadAverage()}");
        try
        {
            var crm = await RunCrmAsync(root, profile);
            var baseline = await EchoBaseline.RunAsync(profile.ArrivalsPerSecond, profile.BaselineDuration);
            Log($"routing: done in {clock.Elapsed.TotalSeconds:0} s; load average now {ServerProbe.LoadAverage()}");

            var p50 = crm.Assign.P(0.50);
            var p99 = crm.Assign.P(0.99);
            var baseP99 = baseline.Assign.P(0.99);
            Console.WriteLine(Invariant(
                $"routing baseline echo_assign_p50_ms={baseline.Assign.P(0.50):0.0} echo_assign_p99_ms={baseP99:0.0} echo_staleness_p99_ms={baseline.Staleness.P(0.99):0.0} echo_failed={baseline.Failed} assign_p99_ratio={(baseP99 > 0 ? p99 / baseP99 : 0):0.0}"));
            Console.WriteLine(Invariant(
                $"routing arrivals_per_s={crm.ArrivalsPerSecond:0} assign_p50_ms={p50:0.0} assign_p99_ms={p99:0.0} board_staleness_p99_ms={crm.Staleness.P(0.99):0.0} double_assigned={crm.DoubleAssigned} over_capacity={crm.OverCapacity}"));
            return crm.Unassigned == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held by a process that is going away: leave the temp folder.
            }
        }
    }

    private sealed record CrmResult(double ArrivalsPerSecond, Latencies Assign, Latencies Staleness, int DoubleAssigned, int OverCapacity, int Unassigned);

    private static async Task<CrmResult> RunCrmAsync(string root, RoutingProfile profile)
    {
        var started = Stopwatch.StartNew();
        await using var process = await RoutingHost.StartAsync(Path.Combine(root, "crm"), profile.Agents);
        Log($"crm: Crm.Web ready with {profile.Agents} extra agents in {started.Elapsed.TotalSeconds:0.0} s at {process.BaseAddress}");
        using var admin = await ConsoleClient.SignInAsync(process.BaseAddress, "admin@demo.crm");
        using var supervisor = await ConsoleClient.SignInAsync(process.BaseAddress, "supervisor@demo.crm");
        using (var configured = await admin.Http.PutAsJsonAsync($"api/queues/{QueueId}/policy", new { assignment = "least-loaded" }))
            configured.EnsureSuccessStatusCode();

        started.Restart();
        await using var pool = await AgentPool.StartAsync(process.BaseAddress, admin, profile.Agents, profile.TicketCapacity);
        await WaitUntilAsync(async () => (await OnlineAsync(supervisor)) >= profile.Agents, TimeSpan.FromSeconds(60),
            $"{profile.Agents} agents online on the board");
        Log($"crm: {pool.Count} agents signed in, configured and online in {started.Elapsed.TotalSeconds:0.0} s");

        await using var board = await BoardWatcher.ConnectAsync(process.BaseAddress, supervisor.CookieHeader, QueueId,
            (conversationId, agentId) => pool.ResolveLater(agentId, conversationId, profile.Hold));
        var opened = new ConcurrentDictionary<string, long>();
        var (sent, failed, elapsed) = await ArrivalDriver.RunAsync(profile.ArrivalsPerSecond, profile.Duration, async i =>
        {
            var id = $"bench-{i}";
            using var response = await admin.Http.PostAsJsonAsync("api/conversations",
                new { conversationId = id, customerId = $"bench-customer-{i % 100}", customerName = "Bench", subject = "Routing", queueId = QueueId });
            response.EnsureSuccessStatusCode();
            opened[id] = Stopwatch.GetTimestamp();
        });
        var rate = sent / elapsed.TotalSeconds;
        Log(Invariant($"crm: {sent} opened in {elapsed.TotalSeconds:0.0} s ({rate:0}/s), {failed} failed"));
        await WaitUntilAsync(() => Task.FromResult(opened.Keys.All(id => board.AssignedAt(id) is not null)), TimeSpan.FromSeconds(30),
            "every opened conversation assigned on the board", throwOnTimeout: false);

        var assign = new Latencies();
        var beforeReturn = 0;
        foreach (var (id, at) in opened)
            if (board.AssignedAt(id) is { } seen)
            {
                // The board can show the assignment before the open call's answer reaches the client: that counts as 0.
                if (seen < at) beforeReturn++;
                assign.Add(Ms(at, seen));
            }
        var unassigned = opened.Count - assign.Count;
        var (finalDouble, finalOver) = await FinalBoardAsync(supervisor);
        Log(Invariant($"crm: {assign.Count} assigned ({beforeReturn} seen before the open returned), {unassigned} never assigned; {board.Updates} agent rows received; resolve failures {pool.ResolveFailures}; final board: {finalDouble} double, {finalOver} over capacity"));
        return new CrmResult(rate, assign, board.Staleness, board.DoubleAssigned + finalDouble, board.OverCapacity + finalOver, unassigned + failed);
    }

    private static async Task<int> OnlineAsync(ConsoleClient supervisor)
    {
        var json = await supervisor.Http.GetStringAsync("api/board");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("agents").EnumerateArray().Count(a => a.GetProperty("status").GetString() == "online");
    }

    /// <summary>The REST board after the run: conversations listed under two agents, and agents above a capacity.</summary>
    private static async Task<(int Double, int Over)> FinalBoardAsync(ConsoleClient supervisor)
    {
        var board = await supervisor.Http.GetFromJsonAsync<BoardWire.Board>("api/board", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("No board in the answer.");
        var doubled = board.Agents.SelectMany(a => a.Conversations).GroupBy(c => c).Count(g => g.Count() > 1);
        var over = board.Agents.Count(a => a.ChatLoad > a.ChatCapacity || a.TicketLoad > a.TicketCapacity);
        return (doubled, over);
    }

    public static double Ms(long from, long to) => Math.Max(0, (to - from) * 1000.0 / Stopwatch.Frequency);

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string expectation, bool throwOnTimeout = true)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > within)
            {
                if (throwOnTimeout) throw new TimeoutException($"Expected {expectation} within {within.TotalSeconds:0} s.");
                Log($"warning: not {expectation} within {within.TotalSeconds:0} s");
                return;
            }
            await Task.Delay(50);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan within) =>
        WaitUntilAsync(() => Task.FromResult(condition()), within, "the condition", throwOnTimeout: false);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
