using System.Diagnostics;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// Open-loop arrivals: the i-th starts at i / rate whatever the earlier ones are doing, so a slow server sees the
/// backlog build (as customers would) instead of the driver slowing down to its pace. Failures are counted, not thrown.
/// </summary>
public static class ArrivalDriver
{
    public static async Task<(int Sent, int Failed, TimeSpan Elapsed)> RunAsync(int rate, TimeSpan duration, Func<int, Task> arrive)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var pending = new List<Task>(count);
        var failed = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            // Pacing, not waiting for a condition: the schedule is the point of an open-loop load.
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    await arrive(index);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }
        await Task.WhenAll(pending);
        return (count, failed, clock.Elapsed);
    }
}
