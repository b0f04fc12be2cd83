using Crm.Benchmarks.AiEval;
using Crm.Benchmarks.Chat;
using Crm.Benchmarks.Import;
using Crm.Benchmarks.Projections;
using Crm.Benchmarks.Routing;
using Crm.Benchmarks.Search;
using Crm.Benchmarks.Store;

namespace Crm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Crm.Benchmarks -- &lt;name&gt; [--quick]</c>. Each benchmark prints progress,
/// then, as its last line, its name and the measured numbers as key=value pairs for scripts to read.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["store"] = StoreBenchmark.RunAsync,
        ["chat"] = ChatBenchmark.RunAsync,
        ["routing"] = RoutingBenchmark.RunAsync,
        ["projections"] = ProjectionsBenchmark.RunAsync,
        ["ai-eval"] = AiEvalBenchmark.RunAsync,
        ["import"] = ImportBenchmark.RunAsync,
        ["search"] = SearchBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync(
                $"usage: Crm.Benchmarks <{string.Join('|', Benchmarks.Keys)}> [--quick] [--rows N] (import)");
            return 2;
        }

        return await run(args[1..]);
    }
}
