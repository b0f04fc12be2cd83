namespace Crm.Benchmarks.Measurement;

/// <summary>Operations completed in the measured window, each one's latency in milliseconds (sorted), and the process CPU time the window took.</summary>
public sealed record ClosedLoopResult(long Operations, TimeSpan Measured, double[] SortedLatenciesMs, TimeSpan CpuTime)
{
    public double PerSecond => Operations / Measured.TotalSeconds;

    /// <summary>CPU per operation: what limits throughput on a small machine shared with other work.</summary>
    public double CpuMicrosecondsPerOperation => CpuTime.TotalMicroseconds / Math.Max(1, Operations);

    /// <summary>Nearest-rank percentile, e.g. 0.99 for p99.</summary>
    public double Percentile(double fraction) =>
        SortedLatenciesMs.Length == 0
            ? double.NaN
            : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(fraction * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];

    /// <summary>Several measured windows of the same workload taken as one.</summary>
    public static ClosedLoopResult Combine(IReadOnlyCollection<ClosedLoopResult> windows)
    {
        var latencies = windows.SelectMany(w => w.SortedLatenciesMs).ToArray();
        Array.Sort(latencies);
        return new ClosedLoopResult(
            windows.Sum(w => w.Operations),
            TimeSpan.FromTicks(windows.Sum(w => w.Measured.Ticks)),
            latencies,
            TimeSpan.FromTicks(windows.Sum(w => w.CpuTime.Ticks)));
    }
}
