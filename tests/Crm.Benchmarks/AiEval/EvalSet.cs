using System.Text.Json;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.KnowledgeBase;
using Crm.Testing.Hosts;

namespace Crm.Benchmarks.AiEval;

/// <summary>
/// The labelled set: the demo articles (src/Crm.Web/Seeding/Articles, the same files the demo workspace is seeded
/// with), the customer questions with the article that answers each (questions.tsv) and the support situations with the
/// action a good supervisor would pick (situations.json).
/// </summary>
public sealed record EvalSet(
    IReadOnlyList<PublishedArticle> Articles,
    IReadOnlyList<(string Slug, string Question)> Questions,
    IReadOnlyList<CannedOption> Canned,
    IReadOnlyList<EvalSituation> Situations)
{
    public const string WorkspaceId = "eval";

    public static EvalSet Load()
    {
        var here = Path.Combine(RepoPaths.Root, "tests", "Crm.Benchmarks", "AiEval");
        var articles = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "Crm.Web", "Seeding", "Articles"), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f => ArticleSource.Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
            .Select(a => new PublishedArticle(WorkspaceId, a.Slug, a.Slug, a.Title, a.Category, a.Body, 1, DateTimeOffset.UnixEpoch))
            .ToList();
        var questions = File.ReadAllLines(Path.Combine(here, "questions.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1]))
            .ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(here, "situations.json")));
        var canned = json.RootElement.GetProperty("canned").EnumerateArray()
            .Select(c => new CannedOption(c[0].GetString()!, c[1].GetString()!, c[2].GetString()!)).ToList();
        var situations = json.RootElement.GetProperty("situations").EnumerateArray().Select(EvalSituation.From).ToList();
        var unknown = questions.Select(q => q.Item1).Except(articles.Select(a => a.Slug)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"questions.tsv names articles that do not exist: {string.Join(", ", unknown)}");
        return new EvalSet(articles, questions, canned, situations);
    }
}
