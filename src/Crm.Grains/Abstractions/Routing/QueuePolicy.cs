namespace Crm.Grains.Abstractions.Routing;

/// <summary>
/// How a queue hands out its work, chosen by an admin. Eligible agents are online, members of <see cref="TeamId"/>
/// (any agent of the workspace when null), have every skill in <see cref="RequiredSkills"/> and the work's own
/// skills, and have free capacity of the work's kind.
/// </summary>
/// <param name="OfferTimeout">When set, work is offered and the agent accepts it; after this long unanswered it is
/// offered to the next agent. When null, work is assigned directly.</param>
/// <param name="OverflowAfter">With <paramref name="OverflowQueueId"/>: work that waited this long in this queue moves there.</param>
[GenerateSerializer, Immutable, Alias("crm.routing.queue-policy")]
public sealed record QueuePolicy(
    AssignmentPolicy Assignment,
    string? TeamId = null,
    IReadOnlyList<string>? RequiredSkills = null,
    TimeSpan? OfferTimeout = null,
    TimeSpan? OverflowAfter = null,
    string? OverflowQueueId = null)
{
    /// <summary>What a queue nobody configured does: keep its work waiting for a person to assign it.</summary>
    public static readonly QueuePolicy Manual = new(AssignmentPolicy.Manual);
}
