namespace Crm.Grains.Abstractions.Ai;

/// <summary>The engine behind a sales rep's follow-up suggestions (bound by the host: offline, or through a language model).</summary>
public interface ISalesAssistant
{
    /// <summary>Follow-ups for the context's rep, best first, each with its signals and a drafted message.</summary>
    Task<IReadOnlyList<FollowUpSuggestion>> SuggestFollowUpsAsync(FollowUpContext context, CancellationToken cancellationToken);
}
