using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Grains.Ai;

/// <summary>
/// The one check every engine's output passes: a citation stands only if it names a published article of this
/// workspace (read from the article grain itself, not from any index). A draft left citing nothing it relied on is
/// withdrawn, whichever engine wrote it: a reply must never point a customer at an article that is not there.
/// </summary>
public static class CitationGuard
{
    public static async Task<IReadOnlyList<Citation>> KeepPublishedAsync(IGrainFactory grains, string workspaceId, IReadOnlyList<Citation> citations)
    {
        var kept = new List<Citation>();
        foreach (var citation in citations)
        {
            if (!Ids.IsValid(citation.ArticleId)) continue;
            try
            {
                var published = await grains.GetGrain<IArticleGrain>(GrainKeys.Scoped(workspaceId, citation.ArticleId)).GetPublishedAsync();
                kept.Add(citation with { Slug = published.Slug, Title = published.Title, Version = published.Version });
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
            {
                // Not published (or never was, or another workspace's id): dropped.
            }
        }
        return kept;
    }

    public static async Task<DraftReply> GroundAsync(IGrainFactory grains, string workspaceId, DraftReply draft)
    {
        var kept = await KeepPublishedAsync(grains, workspaceId, draft.Citations);
        if (kept.Count == draft.Citations.Count) return draft with { Citations = kept };
        return draft with
        {
            Text = "",
            Citations = [],
            Confidence = 0,
            Signals = [.. draft.Signals, new Signal("withdrawn: cited an article that is not published in this workspace", 1, 1)],
        };
    }
}
