namespace Crm.Grains.Routing;

/// <summary>Where a tracked conversation is in routing.</summary>
public enum WorkStage
{
    Waiting = 0,
    Offered = 1,
    Assigned = 2,
}
