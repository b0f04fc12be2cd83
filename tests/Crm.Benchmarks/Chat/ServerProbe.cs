using System.Globalization;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// Where the time goes, with what this machine has (no dotnet-counters or dotnet-trace): CPU time of this process, of
/// the Crm.Web child and of the whole machine from /proc, and the deltas of the server's Prometheus histograms.
/// </summary>
public static class ServerProbe
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static int? FindChildProcess(string commandLineContains)
    {
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (ParentOf(pid) == self && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(commandLineContains, StringComparison.Ordinal))
                    return pid;
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }
        return null;
    }

    /// <summary>User plus system CPU time of a process (zero once it is gone).</summary>
    public static TimeSpan CpuTime(int? pid)
    {
        if (pid is null) return TimeSpan.Zero;
        try
        {
            var fields = StatFields(pid.Value);
            return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The machine's (busy, total) CPU time over all cores, from /proc/stat.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineCpu()
    {
        var line = File.ReadLines("/proc/stat").First();
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Take(8).Sum();
        var idle = values[3] + values[4];
        return (TimeSpan.FromSeconds((total - idle) / ClockTicksPerSecond), TimeSpan.FromSeconds(total / ClockTicksPerSecond));
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    /// <summary>
    /// Histogram deltas between two scrapes of /metrics: per metric (summed over labels) the count, the mean and, from
    /// the buckets, p50/p99 upper bounds; counters (<c>_total</c>) as deltas.
    /// </summary>
    public static IEnumerable<string> Compare(string before, string after, Func<string, bool> include)
    {
        var a = Parse(before);
        var b = Parse(after);
        foreach (var name in b.Keys.Where(k => k.EndsWith("_count", StringComparison.Ordinal)).Order())
        {
            var metric = name[..^"_count".Length];
            if (!include(metric)) continue;
            var count = b[name] - a.GetValueOrDefault(name);
            if (count <= 0) continue;
            var sum = b.GetValueOrDefault(metric + "_sum") - a.GetValueOrDefault(metric + "_sum");
            var buckets = b.Keys.Where(k => k.StartsWith(metric + "_bucket|", StringComparison.Ordinal))
                .Select(k => (Le: ParseLe(k[(metric.Length + "_bucket|".Length)..]), Count: b[k] - a.GetValueOrDefault(k)))
                .OrderBy(x => x.Le).ToList();
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{metric}: {count:N0} samples, mean {sum / count:0.###}, p50 ≤ {Quantile(buckets, count, 0.50)}, p99 ≤ {Quantile(buckets, count, 0.99)}");
        }
        foreach (var name in b.Keys.Where(k => k.EndsWith("_total", StringComparison.Ordinal)).Order())
        {
            if (!include(name)) continue;
            var delta = b[name] - a.GetValueOrDefault(name);
            if (delta > 0) yield return string.Create(CultureInfo.InvariantCulture, $"{name}: +{delta:N0}");
        }
    }

    private static string Quantile(List<(double Le, double Count)> buckets, double count, double fraction)
    {
        foreach (var (le, cumulative) in buckets)
            if (cumulative >= fraction * count) return double.IsPositiveInfinity(le) ? "+Inf" : le.ToString("0.###", CultureInfo.InvariantCulture);
        return "?";
    }

    private static double ParseLe(string le) => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);

    /// <summary>Series summed over their labels, except a histogram bucket's <c>le</c>, kept as "name_bucket|le".</summary>
    private static Dictionary<string, double> Parse(string text)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            if (space <= 0) continue;
            // Prometheus text may end a sample with a timestamp: take the value after the labels.
            var afterLabels = brace >= 0 ? line.IndexOf('}', brace) + 1 : line.IndexOf(' ');
            var valueParts = line[afterLabels..].Trim().Split(' ');
            if (!double.TryParse(valueParts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var name = brace >= 0 ? line[..brace] : line[..line.IndexOf(' ')];
            if (name.EndsWith("_bucket", StringComparison.Ordinal) && brace >= 0)
            {
                var labels = line[(brace + 1)..(afterLabels - 1)];
                var at = labels.IndexOf("le=\"", StringComparison.Ordinal);
                if (at < 0) continue;
                var end = labels.IndexOf('"', at + 4);
                name = $"{name}|{labels[(at + 4)..end]}";
            }
            values[name] = values.GetValueOrDefault(name) + value;
        }
        return values;
    }

    private static int ParentOf(int pid) => int.Parse(StatFields(pid)[1], CultureInfo.InvariantCulture);

    /// <summary>/proc/pid/stat after the command name (which may hold spaces): state is [0], ppid [1], utime [11], stime [12].</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
