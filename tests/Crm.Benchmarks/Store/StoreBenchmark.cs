using System.Globalization;
using Crm.Benchmarks.Measurement;
using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Benchmarks.Store;

/// <summary>
/// Group-committed appends to the SQLite event store against one transaction per append, on the same machine in the
/// same run: 64 writers, one stream each, single-event appends with the expected version checked, each writer awaiting
/// its commit before the next. Event ids are time-ordered (<see cref="Guid.CreateVersion7()"/>) in both phases, as the
/// grains should make them: random ids scatter inserts over the event-id index and multiply the pages a commit writes.
/// The two phases alternate in rounds, so a machine whose load drifts during the run treats both alike.
/// Last line: <c>store appends_per_s=… baseline_per_s=… ratio=… p99_ms=…</c>.
/// </summary>
public static class StoreBenchmark
{
    private const int Writers = 64;
    private const string Payload = """{"conversationId":"c-42","text":"Hello, I need help with my order","clientMessageId":"m-1"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 3);
        var rounds = quick ? 1 : 4;
        var window = TimeSpan.FromSeconds(5);
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-store-{Guid.NewGuid():N}");
        Console.WriteLine(
            $"store: {Writers} writers; {rounds} round(s) of {window.TotalSeconds:0} s measured per phase after a {warmUp.TotalSeconds:0} s warm-up; data under {root}");
        try
        {
            var groupedPath = Path.Combine(root, "grouped");
            var baselinePath = Path.Combine(root, "baseline");
            var grouped = new List<ClosedLoopResult>();
            var baseline = new List<ClosedLoopResult>();

            // The store creates file, pragmas and schema; the baseline then writes to its own copy without group commit.
            await new SqliteEventStore(new EventStoreOptions { DataPath = baselinePath }).DisposeAsync();
            using var naive = new NaiveSqliteAppender(new EventStoreOptions { DataPath = baselinePath }.SqliteDatabasePath);
            var naiveVersions = new long[Writers];

            var store = new SqliteEventStore(new EventStoreOptions { DataPath = groupedPath });
            await using (store)
            {
                var storeVersions = new long[Writers];
                for (var round = 1; round <= rounds; round++)
                {
                    var firstRound = round == 1;
                    Console.WriteLine($"store: round {round}/{rounds}, group commit (SqliteEventStore)");
                    grouped.Add(await ClosedLoop.RunAsync(Writers, firstRound ? warmUp : TimeSpan.Zero, window, writer => async () =>
                    {
                        var appended = await store.AppendAsync(
                            StreamOf(writer),
                            storeVersions[writer],
                            [new EventData(Guid.CreateVersion7(), "MessagePosted", Payload, "agent:1", DateTimeOffset.UtcNow)]);
                        storeVersions[writer] = appended.NextExpectedVersion;
                    }, Console.WriteLine));
                    Report("group commit", grouped[^1]);

                    Console.WriteLine($"store: round {round}/{rounds}, baseline (one transaction per append)");
                    baseline.Add(await ClosedLoop.RunAsync(Writers, firstRound ? warmUp : TimeSpan.Zero, window, writer => async () =>
                    {
                        await naive.AppendAsync(StreamOf(writer), naiveVersions[writer], "MessagePosted", Payload, "agent:1", DateTimeOffset.UtcNow);
                        naiveVersions[writer]++;
                    }, Console.WriteLine));
                    Report("baseline", baseline[^1]);
                }

                var statistics = store.Statistics;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"store: {statistics.Commits:N0} group commits for {statistics.Events:N0} events (warm-up included): {(double)statistics.Events / statistics.Commits:0.0} appends per commit"));
            }

            var groupedAll = ClosedLoopResult.Combine(grouped);
            var baselineAll = ClosedLoopResult.Combine(baseline);
            Report("group commit, all rounds", groupedAll);
            Report("baseline, all rounds", baselineAll);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"store appends_per_s={groupedAll.PerSecond:0} baseline_per_s={baselineAll.PerSecond:0} ratio={groupedAll.PerSecond / baselineAll.PerSecond:0.0} p99_ms={groupedAll.Percentile(0.99):0.00}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string StreamOf(int writer) => $"ws-bench/conversation/{writer}";

    private static void Report(string phase, ClosedLoopResult result) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {phase}: {result.PerSecond:N0} appends/s, p50 {result.Percentile(0.50):0.00} ms, p99 {result.Percentile(0.99):0.00} ms, max {result.SortedLatenciesMs[^1]:0.00} ms, CPU {result.CpuMicrosecondsPerOperation:0} µs per append"));
}
