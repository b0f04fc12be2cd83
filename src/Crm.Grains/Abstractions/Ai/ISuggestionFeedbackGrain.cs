namespace Crm.Grains.Abstractions.Ai;

/// <summary>Verdicts on suggestions in one workspace (key: the workspace id): the fold of its <c>ai-feedback</c> stream.</summary>
public interface ISuggestionFeedbackGrain : IGrainWithStringKey
{
    /// <summary>Records a verdict; the same suggestion decided again keeps its first verdict (a double click is no second vote).</summary>
    Task RecordAsync(RecordSuggestionFeedback command);

    /// <summary>Whether someone already decided on these suggestions: the ids of those decided.</summary>
    Task<IReadOnlySet<string>> DecidedAsync(IReadOnlyList<string> suggestionIds);

    /// <summary>Verdict counts per kind.</summary>
    Task<IReadOnlyList<SuggestionAcceptance>> GetAcceptanceAsync();
}
