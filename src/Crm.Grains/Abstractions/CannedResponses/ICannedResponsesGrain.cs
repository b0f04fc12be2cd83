namespace Crm.Grains.Abstractions.CannedResponses;

/// <summary>A workspace's canned responses (key: the workspace id), ordered by shortcut.</summary>
public interface ICannedResponsesGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<CannedResponse>> ListAsync();

    /// <summary>Saves (creates or replaces) a response; refused with a clear message when the shortcut or text is invalid.</summary>
    Task<CannedResponse> SaveAsync(SaveCannedResponse command);

    /// <summary>Deletes a response; a no-op when the shortcut does not exist.</summary>
    Task DeleteAsync(string shortcut, string actor);
}
