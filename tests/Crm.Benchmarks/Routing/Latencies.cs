namespace Crm.Benchmarks.Routing;

/// <summary>Milliseconds collected from several threads, read once sorted.</summary>
public sealed class Latencies
{
    private readonly List<double> _values = [];

    public void Add(double ms)
    {
        lock (_values) _values.Add(ms);
    }

    public int Count
    {
        get
        {
            lock (_values) return _values.Count;
        }
    }

    /// <summary>Nearest-rank percentile; 0 when nothing was measured.</summary>
    public double P(double fraction)
    {
        double[] sorted;
        lock (_values) sorted = [.. _values.Order()];
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
