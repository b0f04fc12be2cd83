using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// Puts the model's draft into the article suggestion the console shows (its Insert text, citations and reason), or
/// says in that suggestion's reason why the draft is the offline one.
/// </summary>
public static class ModelDraftSuggestion
{
    /// <summary>Where a model draft ranks when the offline engine had no article to suggest: below any urgent action.</summary>
    private const double ScoreWithoutOfflineMatch = 0.6;

    public static IReadOnlyList<NextBestAction> Apply(IReadOnlyList<NextBestAction> actions, DraftReply? draft, string? fallbackReason)
    {
        var index = actions.ToList().FindIndex(a => a.Kind == ActionKind.SuggestArticle);
        var result = actions.ToList();
        if (draft is null)
        {
            if (index >= 0 && fallbackReason is not null)
                result[index] = result[index] with { Reason = $"{result[index].Reason} Offline draft: {fallbackReason}." };
            return result;
        }
        var first = draft.Citations[0];
        if (index >= 0)
        {
            var offered = result[index];
            result[index] = offered with
            {
                Reason = $"{offered.Reason} Draft written by the language model from the cited articles.",
                InsertText = draft.Text,
                Citations = draft.Citations,
                Signals = [.. offered.Signals, .. draft.Signals],
            };
            return result;
        }
        result.Add(new NextBestAction(ActionKind.SuggestArticle, $"Suggest \"{first.Title}\"",
            "The language model drafted a reply from the cited articles.", ScoreWithoutOfflineMatch, draft.Signals, draft.Text,
            first.ArticleId, draft.Citations));
        return result.OrderByDescending(a => a.Score).ToList();
    }
}
