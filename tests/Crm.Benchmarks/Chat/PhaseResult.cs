using System.Globalization;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// One phase's messages: sent, acknowledged (committed), received by their agent, failed, lost (acknowledged, never
/// received), received under another seq than acknowledged; latencies in ms from the scheduled send time, sorted.
/// </summary>
public sealed record PhaseResult(
    long Sent, long Acked, long Received, long Failed, long Lost, long Mismatched, TimeSpan Window,
    double[] EndToEndMs, double[] AckMs)
{
    /// <summary>Committed and delivered per second of the window.</summary>
    public double DeliveredPerSecond => Received / Window.TotalSeconds;

    public bool Complete => Sent > 0 && Acked == Sent && Received == Sent && Lost == 0 && Mismatched == 0;

    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double P(double fraction) => Percentile(EndToEndMs, fraction);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Sent:N0}, acked {Acked:N0}, received {Received:N0}, failed {Failed:N0}, lost {Lost:N0}, seq mismatches {Mismatched:N0}; " +
        $"{DeliveredPerSecond:N0} delivered/s; end-to-end p50 {P(0.50):0.0} p95 {P(0.95):0.0} p99 {P(0.99):0.0} max {P(1):0.0} ms; " +
        $"ack (commit) p50 {Percentile(AckMs, 0.50):0.0} p99 {Percentile(AckMs, 0.99):0.0} ms");
}
