using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Projections;

/// <summary>
/// This silo's view of the projections running on it: the lag gauges and failure counters of the meter
/// <see cref="MeterName"/> (exported on <c>/metrics</c>), and the reports to <see cref="IProjectionHealthGrain"/> that
/// <c>/health/ready</c> reads. A singleton per silo; runners call it from grain turns, so it never blocks.
/// </summary>
public sealed class ProjectionMonitor : IDisposable
{
    public const string MeterName = "Crm.Projections";

    /// <summary>A running projection reports to the cluster at most this often (a stop or a recovery at once).</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IGrainFactory? _grains;
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _failures;

    // While the silo has not joined its cluster (see ClusterJoinGate), reports are only recorded; all of them go once it has.
    private volatile bool _holding;

    /// <param name="grains">Where to report for <c>/health/ready</c>; null in a process with no cluster (a benchmark).</param>
    /// <param name="joinGate">When set, reports reach the cluster only once it opens (a silo's host sets it).</param>
    public ProjectionMonitor(IGrainFactory? grains, IMeterFactory? meterFactory = null, TimeProvider? time = null, ClusterJoinGate? joinGate = null)
    {
        _grains = grains;
        if (joinGate is not null && !joinGate.Joined.IsCompleted)
        {
            _holding = true;
            joinGate.Joined.ContinueWith(_ => ForwardHeld(), TaskScheduler.Default);
        }

        _time = time ?? TimeProvider.System;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _handled = _meter.CreateCounter<long>("crm.projections.events_handled", "{event}", "Events a projection read and handled.");
        _failures = _meter.CreateCounter<long>("crm.projections.failures", "{failure}", "Times a projection's handler failed on an event (it stops there and retries).");
        _meter.CreateObservableGauge("crm.projections.lag_events", () => Measure(s => (double)s.LagEvents), "{event}",
            "Committed positions a projection has not read yet.");
        _meter.CreateObservableGauge("crm.projections.lag_seconds", () => Measure(s => s.LagSeconds), "s",
            "How long the oldest commit a projection has not read yet has waited.");
        _meter.CreateObservableGauge("crm.projections.stopped", () => Measure(s => s.FailedAt is null ? 0 : 1), "{projection}",
            "1 while a projection is stopped at a failing event.");
    }

    /// <summary>The partitions running on this silo, as last reported.</summary>
    public IReadOnlyList<ProjectionStatus> Local => [.. _entries.Values.Select(e => e.Status)];

    internal DateTimeOffset Now => _time.GetUtcNow();

    internal void Handled(string name, int count)
    {
        if (count > 0) _handled.Add(count, Tags(name));
    }

    internal void Failed(string name) => _failures.Add(1, Tags(name));

    /// <summary>Records <paramref name="status"/>; tells the cluster when the stopped state changed or a while has passed.</summary>
    internal void Report(ProjectionStatus status)
    {
        var now = _time.GetUtcNow();
        var forward = false;
        _entries.AddOrUpdate(status.Name,
            _ => { forward = true; return new Entry(status, now); },
            (_, previous) =>
            {
                // A stop, a recovery, and catching up are news at once; the lag of a running one every few seconds.
                forward = previous.Status.FailedAt != status.FailedAt || previous.Status.CaughtUp != status.CaughtUp
                    || now - previous.ForwardedAt >= ReportEvery;
                return new Entry(status, forward ? now : previous.ForwardedAt);
            });
        if (forward && !_holding && _grains is not null) _ = _grains.GetGrain<IProjectionHealthGrain>(0).ReportAsync(status);
    }

    /// <summary>The partition left this silo (its grain deactivated).</summary>
    internal void Forget(string name)
    {
        if (_entries.TryRemove(name, out _) && !_holding && _grains is not null) _ = _grains.GetGrain<IProjectionHealthGrain>(0).ForgetAsync(name);
    }

    /// <summary>The silo has joined: every partition's latest report goes now (a report racing this one goes itself).</summary>
    private void ForwardHeld()
    {
        _holding = false;
        if (_grains is null) return;
        foreach (var entry in _entries.Values) _ = _grains.GetGrain<IProjectionHealthGrain>(0).ReportAsync(entry.Status);
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Measure(Func<ProjectionStatus, double> value) =>
        _entries.Values.Select(e => new Measurement<double>(value(e.Status), Tags(e.Status.Name)));

    /// <summary>"inbox/acme" is tagged projection=inbox, partition=inbox/acme.</summary>
    private static KeyValuePair<string, object?>[] Tags(string name)
    {
        var slash = name.IndexOf('/');
        return [new("projection", slash < 0 ? name : name[..slash]), new("partition", name)];
    }

    private sealed record Entry(ProjectionStatus Status, DateTimeOffset ForwardedAt);
}
