namespace Crm.Grains.Abstractions.Routing;

/// <summary>How a queue picks the agent for its next piece of work.</summary>
[GenerateSerializer, Alias("crm.routing.assignment-policy")]
public enum AssignmentPolicy
{
    /// <summary>Nobody is picked: the work waits, visibly, until a person assigns it. Every queue starts here.</summary>
    Manual = 0,

    /// <summary>The eligible agent with the lowest load for their capacity; ties go to whoever was given work longest ago.</summary>
    LeastLoaded = 1,

    /// <summary>Eligible agents in turn (by agent id), starting after the one this queue gave work to last.</summary>
    RoundRobin = 2,
}
