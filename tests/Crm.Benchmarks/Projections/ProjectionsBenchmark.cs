using System.Diagnostics;
using System.Globalization;
using Crm.Benchmarks.Chat;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Benchmarks.Projections;

/// <summary>
/// Projections on a long history, in one run: builds a SQLite store of <see cref="ProjectionsProfile.Events"/> events over
/// <see cref="ProjectionsProfile.Workspaces"/> workspaces, then measures
/// (a) a fresh projection's catch-up on one category through the filtered read, against the same read by prefix scans;
/// (b) Crm.Web (Release build, Production) started on that history once to build its snapshots, then again: the time
/// from process start to <c>/health/ready</c>, and to every projection partition caught up;
/// (c) chat on top of that history with every projection live, against a bare relay (the chat benchmark's measurement).
/// Last line: <c>projections events=… catchup_per_s=… prefix_scan_per_s=… ratio=… cold_ready_s=… caught_up_s=… chat_p99_ms=… chat_ratio=…</c>.
/// </summary>
public static class ProjectionsBenchmark
{
    private static readonly Dictionary<string, string?> Production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    public static async Task<int> RunAsync(string[] args)
    {
        var profile = ProjectionsProfile.From(args);
        var chatProfile = profile.Quick ? ChatProfile.Quick : ChatProfile.Full;
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-projections-{Guid.NewGuid():N}");
        var dataPath = Path.Combine(root, "crm");
        Log($"projections: {profile.Events:N0} events over {profile.Workspaces} workspaces{(profile.Quick ? " (quick)" : "")}; " +
            $"{Environment.ProcessorCount} cores, load average {ServerProbe.LoadAverage()}; data under {root}");
        try
        {
            var head = await ProjectionHistory.BuildAsync(dataPath, profile, Log);
            Log($"history: {head:N0} events written in {clock.Elapsed.TotalSeconds:0.0} s");

            var (catchUp, prefix) = await MeasureReadsAsync(dataPath, profile);
            var partitions = profile.WorkspaceIds
                .SelectMany(w => new[] { ProjectionKinds.Inbox, ProjectionKinds.Roster, ProjectionKinds.Reports, ProjectionKinds.Router, ProjectionKinds.MailOutbox }
                    .Select(kind => $"{kind}/{w}"))
                .ToList();

            // The first start folds the whole history (no snapshot yet) and saves snapshots as it goes.
            var first = Stopwatch.StartNew();
            await using (var building = await CrmTarget.StartAsync(dataPath, Production))
            {
                Log($"first start (no snapshots): ready in {first.Elapsed.TotalSeconds:0.0} s");
                var built = await CaughtUpProbe.WaitAsync(building.BaseAddress, partitions, TimeSpan.FromMinutes(profile.Quick ? 2 : 30), Log);
                Log($"first start: {(built ? "every projection caught up" : "NOT caught up")} {first.Elapsed.TotalSeconds:0.0} s after start");
            }

            // The measured start: snapshots plus the tail.
            var cold = Stopwatch.StartNew();
            await using var crm = await CrmTarget.StartAsync(dataPath, Production);
            var coldReady = cold.Elapsed.TotalSeconds;
            Log($"second start (snapshots): /health/ready in {coldReady:0.0} s");
            var caughtUp = await CaughtUpProbe.WaitAsync(crm.BaseAddress, partitions, TimeSpan.FromMinutes(5), Log);
            var caughtUpSeconds = caughtUp ? cold.Elapsed.TotalSeconds : double.NaN;
            Log($"second start: {(caughtUp ? "every projection caught up" : "NOT caught up")} {cold.Elapsed.TotalSeconds:0.0} s after start");

            var (chat, relay) = await ChatBenchmark.CompareWithRelayAsync(crm, chatProfile, kill: false);
            var chatRatio = relay.SustainedRate > 0 ? chat.SustainedRate / relay.SustainedRate : 0;
            Log($"projections: done in {clock.Elapsed.TotalSeconds:0} s; load average now {ServerProbe.LoadAverage()}; chat_p99_ms is at {chat.FixedRate:N0} msg/s");
            var ratio = prefix > 0 ? catchUp / prefix : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"projections events={head} catchup_per_s={catchUp:0} prefix_scan_per_s={prefix:0} ratio={ratio:0.0} cold_ready_s={coldReady:0.0} caught_up_s={caughtUpSeconds:0.0} chat_p99_ms={chat.Fixed.P(0.99):0.0} chat_ratio={chatRatio:0.00}"));
            return caughtUp ? 0 : 1;
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

    /// <summary>(a), alternating the two reads twice so a machine whose load drifts treats both alike; events per second found.</summary>
    private static async Task<(double CatchUp, double Prefix)> MeasureReadsAsync(string dataPath, ProjectionsProfile profile)
    {
        await using var store = new SqliteEventStore(new EventStoreOptions { DataPath = dataPath });
        double filteredEvents = 0, filteredSeconds = 0, prefixEvents = 0, prefixSeconds = 0;
        for (var round = 1; round <= 2; round++)
        {
            var filtered = await CategoryReads.FilteredAsync(store, ProjectionHistory.Category);
            var prefix = await CategoryReads.PrefixScanAsync(store, profile.WorkspaceIds, ProjectionHistory.Category);
            if (filtered.Events != prefix.Events)
                throw new InvalidOperationException($"The filtered read found {filtered.Events:N0} events, the prefix scans {prefix.Events:N0}.");
            Log(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: '{ProjectionHistory.Category}' category, {filtered.Events:N0} events: filtered read {filtered.Seconds:0.00} s, prefix scans {prefix.Seconds:0.00} s"));
            (filteredEvents, filteredSeconds) = (filteredEvents + filtered.Events, filteredSeconds + filtered.Seconds);
            (prefixEvents, prefixSeconds) = (prefixEvents + prefix.Events, prefixSeconds + prefix.Seconds);
        }
        return (filteredEvents / filteredSeconds, prefixEvents / prefixSeconds);
    }

    private static void Log(string line) => Console.WriteLine(line);
}
