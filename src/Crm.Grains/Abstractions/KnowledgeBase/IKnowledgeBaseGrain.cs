using Crm.Grains.Abstractions.Projections;
namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>
/// A workspace's catalog of articles (key: the workspace id): what the article list, the help center's index and slug
/// look-ups read. Folded from the workspace's article events in the store, so it never disagrees with them for long.
/// </summary>
public interface IKnowledgeBaseGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>Every article of the workspace, drafts included, by category then title.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListAsync();

    /// <summary>The published article with this slug, or null.</summary>
    Task<ArticleSummary?> FindPublishedAsync(string slug);

    /// <summary>The article (other than <paramref name="exceptArticleId"/>) whose draft or published slug is <paramref name="slug"/>, or null.</summary>
    Task<string?> FindSlugOwnerAsync(string slug, string exceptArticleId);

    /// <summary>Folds article events committed up to <paramref name="position"/> (an article calls it after each commit).</summary>
    Task CatchUpAsync(long position);
}
