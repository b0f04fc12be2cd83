namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>
/// A follow-up task. Key: "{workspaceId}/{followUpId}". Its reminder is a durable Orleans reminder: it fires at the
/// reminder time even after a restart, once, and is pushed to the owner's console on the live feed.
/// </summary>
public interface IFollowUpGrain : IGrainWithStringKey
{
    Task<FollowUpDetails> ScheduleAsync(ScheduleFollowUp command);

    Task<FollowUpDetails> CompleteAsync(CompleteFollowUp command);

    Task<FollowUpDetails> RelinkAsync(RelinkFollowUp command);

    /// <summary>NotFound when never scheduled.</summary>
    Task<FollowUpDetails> GetDetailsAsync();
}
