namespace Crm.Web.Services;

/// <summary>One queue's line on the supervisor board, as of the instant it was computed.</summary>
/// <param name="AtRisk">Active conversations of the queue whose SLA falls due within <see cref="SupervisorBoard.AtRiskWithin"/>.</param>
/// <param name="Breached">Active conversations of the queue with a breached SLA still owed.</param>
public sealed record QueueFigures(
    string QueueId,
    int Waiting,
    TimeSpan LongestWait,
    TimeSpan AverageWait,
    int AtRisk,
    int Breached,
    int Online,
    int Away,
    int Busy,
    int Load,
    int Capacity);
