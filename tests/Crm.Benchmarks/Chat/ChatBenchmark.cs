using System.Diagnostics;
using System.Globalization;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// Chat end to end: visitors send over the widget hub, agents receive over the console hub, against a real Crm.Web
/// process (grains, SQLite group commit, live feed) and, in the same run, against a bare SignalR relay hosted in this
/// process. Both are up for the whole run: each is warmed up and measured at a fixed open-loop rate (p99), then a
/// find-max steps the rate up until delivery falls behind, alternating steps between the two so that a shared machine's
/// drifting load treats both alike; every message is counted at its receiver (lost, duplicated). <c>--kill</c> crashes Crm.Web under load and restarts it
/// on the same data folder; clients reconnect, resend unacknowledged messages with the same client id and gap-fill.
/// Last line: <c>chat msgs_per_s=… p99_ms=… baseline_msgs_per_s=… ratio=… lost=… duplicated=…</c>.
/// </summary>
public static class ChatBenchmark
{
    private static readonly double[] WarmUpFractions = [0.25, 0.5, 1.0, 1.5];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var kill = args.Contains("--kill");
        var profile = quick ? ChatProfile.Quick : ChatProfile.Full;
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-chat-{Guid.NewGuid():N}");
        Log($"chat: {(quick ? "quick" : "full")}{(kill ? " with --kill" : "")}; {profile.Visitors} visitor connections x {profile.ConversationsPerVisitor} conversations, " +
            $"{profile.Agents} agent connections; fixed rate {profile.TargetRate:N0}/s; {Environment.ProcessorCount} cores, load average {ServerProbe.LoadAverage()}; data under {root}");
        try
        {
            var started = Stopwatch.StartNew();
            await using var crmTarget = await CrmTarget.StartAsync(Path.Combine(root, "crm"));
            Log($"crm: Crm.Web ready in {started.Elapsed.TotalSeconds:0.0} s at {crmTarget.BaseAddress}");
            var (crm, relay) = await CompareWithRelayAsync(crmTarget, profile, kill);
            KeepServerLogs(Path.Combine(root, "crm", "logs"));
            Log($"chat: done in {clock.Elapsed.TotalSeconds:0} s; load average now {ServerProbe.LoadAverage()}; p99_ms is at {crm.FixedRate:N0} msg/s");
            var ratio = relay.SustainedRate > 0 ? crm.SustainedRate / relay.SustainedRate : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"chat msgs_per_s={crm.SustainedRate:0} p99_ms={crm.Fixed.P(0.99):0.0} baseline_msgs_per_s={relay.SustainedRate:0} ratio={ratio:0.00} lost={crm.Lost + relay.Lost} duplicated={crm.Duplicated + relay.Duplicated}"));
            return 0;
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

    /// <summary>
    /// The measurement itself, against a running Crm.Web (the chat benchmark's own, or one on a long history with every
    /// projection live, for the projections benchmark) and a bare relay started here: warm-up, the fixed rate, find-max.
    /// </summary>
    internal static async Task<(ChatOutcome Crm, ChatOutcome Relay)> CompareWithRelayAsync(CrmTarget crmTarget, ChatProfile profile, bool kill)
    {
        await using var relayTarget = await RelayTarget.StartAsync();
        Log($"relay: bare SignalR relay in this process at {relayTarget.BaseAddress}");
        await using var crmLoad = await ChatLoad.SetUpAsync(crmTarget, profile, Log);
        await using var relayLoad = await ChatLoad.SetUpAsync(relayTarget, profile, Log);
        if (kill) crmLoad.RetrySendsFor = TimeSpan.FromMinutes(2);

        var crmSearch = await WarmUpAndFixedAsync(crmTarget, crmLoad, profile);
        var relaySearch = await WarmUpAndFixedAsync(relayTarget, relayLoad, profile);
        // Find-max alternates steps between the two, so a machine whose load drifts during the run treats both alike.
        while (!crmSearch.Search.Done || !relaySearch.Search.Done)
        {
            if (!crmSearch.Search.Done) await StepAsync(crmTarget, crmLoad, crmSearch.Search, profile);
            if (!relaySearch.Search.Done) await StepAsync(relayTarget, relayLoad, relaySearch.Search, profile);
        }
        foreach (var (name, search) in new[] { ("crm", crmSearch.Search), ("relay", relaySearch.Search) })
            Log(string.Create(CultureInfo.InvariantCulture,
                $"{name}: highest sustained rate {search.Sustained:N0} msg/s (lowest failing step {search.FirstFailure?.ToString("N0", CultureInfo.InvariantCulture) ?? "none"})"));

        if (kill) await KillAndRestartAsync(crmTarget, crmLoad, profile);
        var crm = await TotalsAsync(crmTarget, crmLoad, crmSearch.Fixed, profile.TargetRate, crmSearch.Search.Sustained);
        var relay = await TotalsAsync(relayTarget, relayLoad, relaySearch.Fixed, profile.TargetRate, relaySearch.Search.Sustained);

        Log($"crm at the fixed {crm.FixedRate:N0}/s: {crm.Fixed.Describe()}");
        Log($"relay at the fixed {relay.FixedRate:N0}/s: {relay.Fixed.Describe()}");
        Log($"totals: crm lost {crm.Lost}, duplicated {crm.Duplicated}, failed sends {crm.Failed}; relay lost {relay.Lost}, duplicated {relay.Duplicated}, failed sends {relay.Failed}");
        return (crm, relay);
    }

    /// <summary>Crm.Web's log files (both processes, with --kill) outlive the temp data folder, for a look at what the server said.</summary>
    private static void KeepServerLogs(string logs)
    {
        if (!Directory.Exists(logs)) return;
        var kept = Path.Combine(Path.GetTempPath(), "crm-bench-chat-logs");
        if (Directory.Exists(kept)) Directory.Delete(kept, recursive: true);
        Directory.CreateDirectory(kept);
        foreach (var file in Directory.EnumerateFiles(logs)) File.Copy(file, Path.Combine(kept, Path.GetFileName(file)));
        Log($"chat: Crm.Web's logs kept in {kept}");
    }

    /// <summary>Warm-up (JIT, thread pool, activations: a cold server's first seconds have p99 of 0.5-2 s), then the fixed rate.</summary>
    private static async Task<(PhaseResult Fixed, RateSearch Search)> WarmUpAndFixedAsync(ChatTarget target, ChatLoad load, ChatProfile profile)
    {
        var rate = profile.TargetRate;
        foreach (var fraction in WarmUpFractions)
            await load.RunAsync("warm-up", rate * fraction, profile.WarmUp / WarmUpFractions.Length, TimeSpan.FromSeconds(5), long.MaxValue);

        // The fixed phase starts from an empty queue, whatever the warm-up left behind.
        if (!await load.SettleAllAsync(TimeSpan.FromSeconds(30))) Log($"{target.Name}: the warm-up's messages had not all settled after 30 s");
        var probe = await Probe.StartAsync(target);
        var (fixedResult, fixedBehind) = await load.RunAsync("fixed", rate, profile.FixedWindow, TimeSpan.FromSeconds(5), long.MaxValue);
        await probe.ReportAsync("the fixed phase", fixedResult.Sent, Log);
        if (fixedResult.Acked == 0)
            throw new InvalidOperationException($"{target.Name}: no message was acknowledged; first send error: {load.FirstSendError}");
        await load.SettleAllAsync(TimeSpan.FromSeconds(20));
        return (fixedResult, new RateSearch(profile, rate, FindMax(fixedResult, fixedBehind, rate, profile)));
    }

    /// <summary>
    /// One find-max step. A step that fails is tried once more after the backlog clears: on a shared machine another
    /// process can stall both cores for a few hundred ms, which is noise, not the rate the server sustains.
    /// </summary>
    private static async Task StepAsync(ChatTarget target, ChatLoad load, RateSearch search, ChatProfile profile)
    {
        var rate = search.Next;
        var sustained = 0.0;
        for (var attempt = 1; attempt <= 2 && sustained == 0; attempt++)
        {
            var label = attempt == 1 ? $"step {search.Steps + 1}" : $"step {search.Steps + 1} (again)";
            var probe = await Probe.StartAsync(target);
            var (result, behind) = await load.RunAsync(label, rate, profile.StepWindow, profile.StepDrain, ChatProfile.MaxInFlight(rate));
            await probe.ReportAsync(label, result.Sent, Log);
            sustained = FindMax(result, behind, rate, profile);
            // Whatever a step left unanswered clears before the next one (on either target).
            await load.SettleAllAsync(TimeSpan.FromSeconds(20));
        }
        search.Record(sustained);
    }

    private static async Task KillAndRestartAsync(CrmTarget crm, ChatLoad load, ChatProfile profile)
    {
        await load.RunAsync("kill", profile.KillRate, profile.KillWindow, TimeSpan.FromSeconds(30), long.MaxValue, async () =>
        {
            await Task.Delay(profile.KillAt);
            Log("  crm: killing Crm.Web (no graceful shutdown) and starting a new one on the same data folder");
            var away = await crm.CrashAndRestartAsync();
            Log($"  crm: Crm.Web ready again after {away.TotalSeconds:0.0} s at {crm.BaseAddress}");
            var rejoined = await load.WaitForRejoinAsync(TimeSpan.FromMinutes(2));
            Log($"  crm: agents reconnected and gap-filled {rejoined.TotalSeconds:0.0} s later; {load.VisitorReconnects} visitor reconnects");
        });
        Log($"  crm kill: {load.Ledger.Retries:N0} send attempts retried in the run");
    }

    /// <summary>Every message of the run after a final drain: lost, duplicated, failed.</summary>
    private static async Task<ChatOutcome> TotalsAsync(ChatTarget target, ChatLoad load, PhaseResult fixedResult, double rate, double sustained)
    {
        var settled = await load.SettleAllAsync(TimeSpan.FromSeconds(30));
        var ledger = load.Ledger;
        var all = ledger.Summarize(0, ledger.Issued, TimeSpan.FromSeconds(1));
        Log($"{target.Name}: all {all.Sent:N0} messages{(settled ? "" : " (final drain timed out)")}: acked {all.Acked:N0}, received {all.Received:N0}, failed {all.Failed:N0}, lost {all.Lost:N0}, seq mismatches {all.Mismatched:N0}; " +
            $"duplicates by (conversation, seq) {ledger.Duplicates:N0}, resends stored twice {ledger.ResendDuplicates:N0}, push/rejoin overlaps dropped by seq {ledger.Overlaps:N0}; " +
            $"visitor echoes {ledger.Echoes:N0}, other agent pushes {ledger.OtherPushes:N0}, other thread entries {ledger.OtherEntries:N0}");
        foreach (var sample in ledger.DuplicateSamples) Log($"  duplicate: {sample}");
        return new ChatOutcome(fixedResult, rate, sustained, all.Lost + all.Mismatched, ledger.Duplicates + ledger.ResendDuplicates, all.Failed);
    }

    /// <summary>The rate a phase sustained: all delivered in time, the pace kept, p99 within bounds; else 0.</summary>
    private static double FindMax(PhaseResult result, bool behind, double rate, ChatProfile profile) =>
        !behind && result.Complete && result.P(0.99) <= ChatProfile.MaxStepP99Ms && result.Sent >= rate * profile.StepWindow.TotalSeconds * 0.99 - 1
            ? result.DeliveredPerSecond
            : 0;

    private static void Log(string line) => Console.WriteLine(line);

    /// <summary>CPU (this process, Crm.Web, the machine) and server metrics around the fixed-rate phase.</summary>
    private sealed class Probe
    {
        private readonly ChatTarget _target;
        private readonly int? _serverPid;
        private readonly TimeSpan _selfCpu;
        private readonly TimeSpan _serverCpu;
        private readonly (TimeSpan Busy, TimeSpan Total) _machine;
        private readonly string? _metrics;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        private Probe(ChatTarget target, int? serverPid, string? metrics)
        {
            _target = target;
            _serverPid = serverPid;
            _metrics = metrics;
            _selfCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _serverCpu = ServerProbe.CpuTime(serverPid);
            _machine = ServerProbe.MachineCpu();
        }

        public static async Task<Probe> StartAsync(ChatTarget target) => target is CrmTarget crm
            ? new Probe(target, crm.ProcessId, await crm.ScrapeMetricsAsync())
            : new Probe(target, null, null);

        public async Task ReportAsync(string phase, long messages, Action<string> log)
        {
            var elapsed = _clock.Elapsed;
            var self = Process.GetCurrentProcess().TotalProcessorTime - _selfCpu;
            var serverCpu = ServerProbe.CpuTime(_serverPid) - _serverCpu;
            var machine = ServerProbe.MachineCpu();
            var busy = machine.Busy - _machine.Busy;
            var total = machine.Total - _machine.Total;
            var perMessage = (TimeSpan cpu) => cpu.TotalMicroseconds / Math.Max(1, messages);
            var others = busy - self - serverCpu;
            var server = _serverPid is null
                ? " (clients and relay)"
                : string.Create(CultureInfo.InvariantCulture, $", Crm.Web {serverCpu.TotalSeconds / elapsed.TotalSeconds * 100:0}% ({perMessage(serverCpu):0} µs/msg)");
            log(string.Create(CultureInfo.InvariantCulture,
                $"  {_target.Name} CPU over {phase} ({elapsed.TotalSeconds:0.0} s): benchmark process {self.TotalSeconds / elapsed.TotalSeconds * 100:0}% of a core ({perMessage(self):0} µs/msg){server}; machine busy {busy.TotalSeconds / Math.Max(total.TotalSeconds, 0.01) * 100:0}% of {Environment.ProcessorCount} cores, other processes {others.TotalSeconds / elapsed.TotalSeconds * 100:0}% of a core"));
            if (_target is CrmTarget crm && _metrics is not null)
            {
                var after = await crm.ScrapeMetricsAsync();
                foreach (var line in ServerProbe.Compare(_metrics, after, name =>
                             name.Contains("eventstore_batch", StringComparison.Ordinal) ||
                             name.Contains("eventstore_commit_duration", StringComparison.Ordinal) ||
                             name.Contains("orleans_app_requests_latency", StringComparison.Ordinal) ||
                             name.Contains("signalr", StringComparison.Ordinal)))
                    log($"    {line}");
            }
        }
    }
}
