using Microsoft.Extensions.Options;
using System.Diagnostics;
using Crm.Benchmarks.Measurement;
using System.Globalization;
using Crm.Benchmarks.Chat;
using Crm.Benchmarks.Routing;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Projections;
using Crm.Grains.Search;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Search.Lucene;
using Crm.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Benchmarks.Search;

/// <summary>
/// Search on a large workspace, in one run, in process with the app's own pieces: writes <see cref="SearchWorkspace"/>
/// into a SQLite event store, lets the Lucene indexer projection (<see cref="SearchIndexProjection"/> fed by
/// <see cref="NodeProjectionHost"/>, as Crm.Web runs it) catch up from nothing (index_docs_per_s), times type-ahead
/// queries through <see cref="ISearchIndex.SearchAsync"/> (what the search grain behind /api/search calls) with the
/// workspace and notes permission filter and typos, loads the same data into PostgreSQL for the ILIKE and pg_trgm
/// baselines, then appends chat at 2,000 messages/s with the indexer live and measures commit-to-searchable lag.
/// Last line: <c>search docs=… index_docs_per_s=… p95_ms=… ilike_p95_ms=… pg_trgm_p95_ms=… ratio=… lag_p99_ms=… index_mb=…</c>
/// (ratio = pg_trgm p95 / type-ahead p95).
/// </summary>
public static class SearchBenchmark
{
    private const int Limit = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var profile = SearchProfile.From(args);
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-search-{Guid.NewGuid():N}");
        Log($"search: {profile.Customers:N0} customers, {profile.Messages:N0} messages in {profile.Conversations:N0} conversations" +
            $"{(profile.Quick ? " (quick)" : "")}; {Environment.ProcessorCount} cores, load average {ServerProbe.LoadAverage()}; data under {root}");
        var postgres = new PostgresServer();
        try
        {
            await using var store = new SqliteEventStore(new EventStoreOptions { DataPath = Path.Combine(root, "crm") });
            var head = await SearchHistory.WriteAsync(store, profile, Log);
            Log($"history: {head:N0} events written in {clock.Elapsed.TotalSeconds:0.0} s");

            using var index = new LuceneSearchIndex(Path.Combine(root, "crm", "search", "lucene"), NullLogger<LuceneSearchIndex>.Instance);
            using var writes = new VisibleWrites(index);
            // The runner's services as a silo has them, minus the cluster: no snapshots or wake list are used by node projections.
            var runner = new ProjectionServices(store, store.CommitSignal, null!, new ProjectionMonitor(grains: null), new ProjectionWakeList(), null!,
                Options.Create(new ProjectionOptions()), NullLogger<ProjectionCursor>.Instance);
            using var indexer = new NodeProjectionHost(
                [new NodeProjection(new SearchIndexProjection(writes))], runner, NullLogger<NodeProjectionHost>.Instance);

            // (a) The indexer catching up from an empty index, as a new node (or a rebuild) does.
            var docs = (long)profile.Customers + profile.Conversations;
            var cpu = ProcessCpu();
            var indexGc = GcWindow.Start();
            var indexing = Stopwatch.StartNew();
            await indexer.StartAsync(CancellationToken.None);
            while (writes.Checkpoint < head)
            {
                if (indexing.Elapsed > TimeSpan.FromMinutes(profile.Quick ? 2 : 30)) throw new TimeoutException($"The indexer reached {writes.Checkpoint:N0} of {head:N0} in {indexing.Elapsed}.");
                await Task.Delay(20);
            }

            var indexSeconds = indexing.Elapsed.TotalSeconds;
            var indexCpu = ProcessCpu() - cpu;
            var docsPerSecond = docs / indexSeconds;
            // What the catch-up allocated and how often the collector ran for it: the second core's share goes to both.
            var gcs = indexGc.Since();

            var indexMb = index.SizeInBytes() / 1024.0 / 1024.0;
            var customersFound = (await index.SearchAsync(SearchQuery.Create(SearchWorkspace.Main, "", true, SearchKind.Customer, limit: 1), CancellationToken.None)).Total;
            Log(string.Create(CultureInfo.InvariantCulture,
                $"index: {docs:N0} documents ({head:N0} events) in {indexSeconds:0.0} s = {docsPerSecond:N0} docs/s, {indexCpu.TotalMicroseconds / docs:0} µs CPU and {gcs.KbPer(docs):0.0} KB allocated per doc, collections gen0 {gcs.Gen0}, gen1 {gcs.Gen1}, gen2 {gcs.Gen2}; {indexMb:0} MB; {customersFound:N0} customers in {SearchWorkspace.Main}"));

            // (b) Type-ahead, one query at a time, timed around the engine call, once the catch-up's merges are done (they
            // ran on the other core during the first queries, and set how many segments every query looks in).
            var settling = Stopwatch.StartNew();
            var segments = index.Settle();
            Log($"index: merges done {settling.Elapsed.TotalSeconds:0.0} s after the catch-up; {segments} segments");
            var queries = TypeAheadQueries.Make(profile, profile.TypeAheadQueries, seed: 7);
            foreach (var warm in TypeAheadQueries.Make(profile, 300, seed: 8)) await AskAsync(index, warm);
            var typeAhead = new Latencies();
            var answered = 0;
            var slowest = new List<(double Ms, string Text)>(queries.Count);
            var queryGc = GcWindow.Start();
            cpu = ProcessCpu();
            foreach (var query in queries)
            {
                var timer = Stopwatch.StartNew();
                var results = await AskAsync(index, query);
                var ms = timer.Elapsed.TotalMilliseconds;
                typeAhead.Add(ms);
                slowest.Add((ms, query.Text));
                if (results.Total > 0) answered++;
            }

            var queryCpu = (ProcessCpu() - cpu) / queries.Count;
            // What the queries allocate, and how many collections that took: a collection's pause lands on the queries in flight.
            var queryAllocations = queryGc.Since();
            Log(string.Create(CultureInfo.InvariantCulture,
                $"type-ahead: {queries.Count:N0} queries (e.g. {string.Join(", ", queries.Take(6).Select(q => $"'{q.Text}'"))}): p50 {typeAhead.P(0.5):0.00} ms, p95 {typeAhead.P(0.95):0.00} ms, p99 {typeAhead.P(0.99):0.00} ms, {queryCpu.TotalMicroseconds:0} µs CPU per query, {queryAllocations.KbPer(queries.Count):N0} KB allocated per query, {queryAllocations.Gen0} collections, {answered * 100.0 / queries.Count:0}% answered"));
            // Which texts set the p95: the kind of query to look at first.
            Log(string.Create(CultureInfo.InvariantCulture,
                $"type-ahead slowest: {string.Join(", ", slowest.OrderByDescending(q => q.Ms).Take(12).Select(q => $"'{q.Text}' {q.Ms:0.0} ms"))}"));

            // (c) PostgreSQL on the same data and the same typed texts.
            await postgres.InitializeAsync();
            var baseline = new PostgresBaseline(await postgres.CreateDatabaseAsync());
            await baseline.LoadAsync(profile, Log);
            var postmaster = FindPostmaster(postgres.Port);
            var ilike = await baseline.IlikeAsync(queries.Take(profile.IlikeQueries).ToList(), postmaster);
            Report("ILIKE", ilike, profile.IlikeQueries);
            var trigram = await baseline.TrigramAsync(queries.Take(profile.TrigramQueries).ToList(), postmaster);
            Report("pg_trgm ranked", trigram, profile.TrigramQueries);

            // (d) Index lag under chat load, the indexer live.
            var lag = await IndexLag.RunAsync(store, index, writes, profile, Log);
            Log(string.Create(CultureInfo.InvariantCulture,
                $"lag: {lag.Messages:N0} messages at {SearchProfile.LagMessagesPerSecond:N0}/s: commit to searchable p50 {lag.Lags.P(0.5):0} ms, p99 {lag.Lags.P(0.99):0} ms, max {lag.Lags.P(1):0} ms; {lag.Found}/{lag.Sampled} sampled words found by search"));

            await indexer.StopAsync(CancellationToken.None);
            var p95 = typeAhead.P(0.95);
            var ratio = p95 > 0 ? trigram.Latencies.P(0.95) / p95 : 0;
            Log($"search: done in {clock.Elapsed.TotalSeconds:0} s; load average now {ServerProbe.LoadAverage()}. Targets: p95 ≤ 4 ms, ratio ≥ 20, ≥ 20,000 docs/s, lag p99 ≤ 1,000 ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search docs={docs} index_docs_per_s={docsPerSecond:0} p95_ms={p95:0.00} ilike_p95_ms={ilike.Latencies.P(0.95):0.0} pg_trgm_p95_ms={trigram.Latencies.P(0.95):0.0} ratio={ratio:0} lag_p99_ms={lag.Lags.P(0.99):0} index_mb={indexMb:0}"));
            return lag.Found == lag.Sampled ? 0 : 1;
        }
        finally
        {
            await postgres.DisposeAsync();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by something going away: leave the temp folder.
            }
        }
    }

    private static Task<SearchResults> AskAsync(ISearchIndex index, TypeAheadQueries.TypeAhead query) =>
        index.SearchAsync(SearchQuery.Create(SearchWorkspace.Main, query.Text, query.IncludeInternalNotes, limit: Limit), CancellationToken.None);

    private static void Report(string name, PostgresBaseline.Result result, int count) =>
        Log(string.Create(CultureInfo.InvariantCulture,
            $"postgres {name}: {count:N0} queries: p50 {result.Latencies.P(0.5):0.0} ms, p95 {result.Latencies.P(0.95):0.0} ms, {result.ServerCpu.TotalMicroseconds / count:0} µs server CPU per query, {result.Answered * 100.0 / count:0}% answered"));

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The PostgreSQL server listening on <paramref name="port"/> (its command line names the port).</summary>
    private static int? FindPostmaster(int port)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (command.Contains("postgres", StringComparison.Ordinal) && command.Contains($"-p {port} ", StringComparison.Ordinal)) return pid;
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return null;
    }

    private static void Log(string line) => Console.WriteLine(line);
}
