using System.Diagnostics;

namespace Crm.Benchmarks.Measurement;

/// <summary>
/// Runs concurrent workers, each awaiting its own operation before starting the next (a closed loop, like grains
/// that wait for their commit), for a warm-up and then a measured window; only the window is counted.
/// </summary>
public static class ClosedLoop
{
    /// <param name="createWorker">Called once per worker index; returns that worker's operation, which may keep private state.</param>
    public static async Task<ClosedLoopResult> RunAsync(
        int workers,
        TimeSpan warmUp,
        TimeSpan measure,
        Func<int, Func<Task>> createWorker,
        Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureUntil = warmUp + measure;
        var latencies = new List<double>[workers];
        long completed = 0;
        var operations = Enumerable.Range(0, workers).Select(createWorker).ToArray();

        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var own = latencies[w] = new List<double>(capacity: 64 * 1024);
            while (true)
            {
                var started = clock.Elapsed;
                if (started >= measureUntil)
                {
                    return;
                }

                await operations[w]();
                Interlocked.Increment(ref completed);
                if (started >= measureFrom)
                {
                    own.Add((clock.Elapsed - started).TotalMilliseconds);
                }
            }
        })).ToArray();

        var all = Task.WhenAll(tasks);
        await Task.Delay(warmUp);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var lastReported = 0L;
        while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1))) != all)
        {
            var done = Interlocked.Read(ref completed);
            var phase = clock.Elapsed <= measureFrom + TimeSpan.FromSeconds(0.5) ? "warm-up  " : "measuring";
            progress($"  {phase} {clock.Elapsed.TotalSeconds,5:0.0} s: {done - lastReported,8:N0} ops in the last second");
            lastReported = done;
        }

        await all;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        var merged = latencies.SelectMany(l => l).ToArray();
        Array.Sort(merged);
        return new ClosedLoopResult(merged.Length, measure, merged, cpu);
    }
}
