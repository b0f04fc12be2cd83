namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// The app's door to <see cref="ISalesAssistant"/> (a stateless worker, key: the workspace id): reads a rep's deals and
/// customers, calls the engine outside any aggregate grain, and leaves out suggestions someone already decided on.
/// </summary>
public interface ISalesAssistantGrain : IGrainWithStringKey
{
    /// <summary>Open follow-up suggestions for the rep <paramref name="ownerId"/>, best first.</summary>
    Task<IReadOnlyList<FollowUpSuggestion>> SuggestFollowUpsAsync(string ownerId);
}
