using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.KnowledgeBase;

namespace Crm.Web.Seeding;

/// <summary>
/// The demo workspace's knowledge base: the Markdown files under Seeding/Articles (embedded in this assembly), each
/// saved and published. The ai-eval benchmark reads the same files, so the demo is what was measured.
/// </summary>
public static class DemoArticles
{
    private const string Prefix = "Crm.Web.Seeding.Articles.";

    public static IReadOnlyList<ArticleSource> Load()
    {
        var assembly = typeof(DemoArticles).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return ArticleSource.Parse(n[Prefix.Length..^".md".Length], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>All articles at once: each is its own grain, so their commits share the store's group commits and the start-up stays short.</summary>
    public static Task SeedAsync(IGrainFactory grains, string workspaceId, string actor) =>
        Task.WhenAll(Load().Select(async source =>
        {
            // The slug doubles as the article id: re-seeding finds the same articles instead of adding copies.
            var article = grains.GetGrain<IArticleGrain>(GrainKeys.Scoped(workspaceId, source.Slug));
            await article.SaveDraftAsync(new SaveArticleDraft(source.Title, source.Category, source.Slug, source.Body, actor));
            await article.PublishAsync(actor);
        }));
}
