using System.Diagnostics;
using System.Globalization;
using Crm.Ai.Embeddings;
using Crm.Ai.Engines;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Benchmarks.AiEval;

/// <summary>
/// The offline engine against the labelled set, in process: the real MiniLM model, the demo articles indexed as the
/// embeddings projection indexes them, every question drafted as the conversation view drafts it, every situation
/// planned. The lexical-only baseline (BM25 alone) answers the same questions in the same run.
/// Last line: <c>ai-eval draft_top1=… draft_top3=… lexical_top3=… nba_precision=… p95_ms=…</c>
/// (targets: ≥ 0.75, ≥ 0.9, –, ≥ 0.8, ≤ 50). <c>--quick</c> takes every other question; <c>--verbose</c> lists misses.
/// </summary>
public static class AiEvalBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var verbose = args.Contains("--verbose");
        var set = EvalSet.Load();
        var questions = quick ? set.Questions.Where((_, i) => i % 2 == 0).ToList() : set.Questions.ToList();
        Log($"ai-eval: {set.Articles.Count} articles, {questions.Count} questions, {set.Situations.Count} situations; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");

        using var model = new MiniLmEmbedder();
        var index = new KnowledgeIndex();
        var clock = Stopwatch.StartNew();
        var embedder = new ArticleEmbedder(model);
        foreach (var article in set.Articles) index.Upsert(await embedder.EmbedAsync(article, CancellationToken.None));
        Log($"ai-eval: indexed {index.Corpus(EvalSet.WorkspaceId).Passages.Count} passages in {clock.ElapsedMilliseconds} ms (model load included)");

        var retriever = new HybridRetriever(index, new PassageBm25Scorer(index), model);
        var assistant = new OfflineAssistant(retriever);
        var now = DateTimeOffset.UtcNow;
        foreach (var (_, question) in questions.Take(10)) await assistant.DraftReplyAsync(Context(question, now), CancellationToken.None);

        var draft = await MeasureAsync(questions, async q =>
        {
            var matches = await assistant.SearchArticlesAsync(EvalSet.WorkspaceId, q, 3, CancellationToken.None);
            var reply = DraftComposer.Compose(Context(q, now), matches);
            return (reply.Citations.FirstOrDefault()?.Slug, matches.Select(m => m.Slug).ToList());
        }, verbose ? "hybrid" : null);
        var lexical = await MeasureAsync(questions, async q =>
        {
            var matches = await retriever.SearchAsync(EvalSet.WorkspaceId, q, 3, RetrievalWeights.LexicalOnly, CancellationToken.None);
            return (matches.FirstOrDefault()?.Slug, matches.Select(m => m.Slug).ToList());
        }, verbose ? "lexical" : null);

        await LogBotConfidenceAsync(assistant, questions);

        var hits = 0;
        foreach (var situation in set.Situations)
        {
            var actions = await assistant.SuggestActionsAsync(situation.ToContext(EvalSet.WorkspaceId, set.Canned, now), CancellationToken.None);
            if (actions.FirstOrDefault()?.Kind == situation.Expected) hits++;
            else if (verbose) Log($"  nba miss: got {actions.FirstOrDefault()?.Kind.ToString() ?? "nothing"} ({actions.FirstOrDefault()?.Score}) for {situation}");
        }
        var nba = (double)hits / set.Situations.Count;

        Log(Invariant($"ai-eval: hybrid p50_ms={draft.P50:0.0} cpu_ms_per_op={draft.CpuMs:0.00}; lexical baseline top1={lexical.Top1:0.000} p95_ms={lexical.P95:0.00}; p95 ratio hybrid/lexical={(lexical.P95 > 0 ? draft.P95 / lexical.P95 : 0):0.0}"));
        Console.WriteLine(Invariant($"ai-eval draft_top1={draft.Top1:0.000} draft_top3={draft.Top3:0.000} lexical_top3={lexical.Top3:0.000} nba_precision={nba:0.000} p95_ms={draft.P95:0.0}"));
        return 0;

        AssistContext Context(string question, DateTimeOffset at) => new(EvalSet.WorkspaceId, "q", "Sam Carter", null,
            [new ContextMessage(AuthorKind.Customer, "Sam", question, at)], Priority.Normal, null, false, at, [], [], "Alex");
    }

    /// <summary>
    /// How the widget's answer bot would fare at each confidence threshold on the top match: the share of questions it
    /// would answer and how often that answer is the right article (the bot hands over below its threshold).
    /// </summary>
    private static async Task LogBotConfidenceAsync(OfflineAssistant assistant, IReadOnlyList<(string Slug, string Question)> questions)
    {
        var tops = new List<(double Score, bool Right)>();
        foreach (var (slug, question) in questions)
        {
            var top = (await assistant.SearchArticlesAsync(EvalSet.WorkspaceId, question, 1, CancellationToken.None)).FirstOrDefault();
            tops.Add((top?.Score ?? 0, top?.Slug == slug));
        }
        foreach (var threshold in new[] { 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7 })
        {
            var answered = tops.Where(t => t.Score >= threshold).ToList();
            Log(Invariant($"ai-eval: bot threshold={threshold:0.00} answered={(double)answered.Count / tops.Count:0.000} precision={(answered.Count == 0 ? 0 : (double)answered.Count(t => t.Right) / answered.Count):0.000}"));
        }
    }

    private sealed record Outcome(double Top1, double Top3, double P50, double P95, double CpuMs);

    private static async Task<Outcome> MeasureAsync(
        IReadOnlyList<(string Slug, string Question)> questions, Func<string, Task<(string? Top, List<string> Top3)>> answer, string? listMisses)
    {
        var latencies = new List<double>();
        int top1 = 0, top3 = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (slug, question) in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var (top, three) = await answer(question);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (top == slug) top1++;
            if (three.Contains(slug)) top3++;
            else if (listMisses is not null) Log($"  {listMisses} miss: '{question}' wanted {slug}, got {string.Join(", ", three)}");
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / questions.Count;
        latencies.Sort();
        return new Outcome((double)top1 / questions.Count, (double)top3 / questions.Count, Percentile(latencies, 0.5), Percentile(latencies, 0.95), cpuMs);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Log(string line) => Console.Error.WriteLine(line);
}
