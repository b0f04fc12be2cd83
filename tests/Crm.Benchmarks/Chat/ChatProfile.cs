namespace Crm.Benchmarks.Chat;

/// <summary>How big and how long: the full run, or the quick one (under a minute with the host start).</summary>
public sealed record ChatProfile(
    int Visitors,
    int ConversationsPerVisitor,
    int Agents,
    TimeSpan WarmUp,
    double TargetRate,
    TimeSpan FixedWindow,
    TimeSpan StepWindow,
    double StepFactor,
    int MaxSteps,
    int Bisections,
    TimeSpan StepDrain,
    double KillRate,
    TimeSpan KillWindow,
    TimeSpan KillAt)
{
    /// <summary>A find-max step fails when its p99 passes this ("explodes"), besides losing pace or not draining in time.</summary>
    public const double MaxStepP99Ms = 250;

    public static readonly ChatProfile Full = new(
        Visitors: 300, ConversationsPerVisitor: 10, Agents: 4, WarmUp: TimeSpan.FromSeconds(12), TargetRate: 5_000,
        FixedWindow: TimeSpan.FromSeconds(10), StepWindow: TimeSpan.FromSeconds(3), StepFactor: 1.5, MaxSteps: 10, Bisections: 2,
        StepDrain: TimeSpan.FromSeconds(2), KillRate: 2_000, KillWindow: TimeSpan.FromSeconds(20), KillAt: TimeSpan.FromSeconds(5));

    public static readonly ChatProfile Quick = new(
        Visitors: 100, ConversationsPerVisitor: 5, Agents: 2, WarmUp: TimeSpan.FromSeconds(4), TargetRate: 1_000,
        FixedWindow: TimeSpan.FromSeconds(4), StepWindow: TimeSpan.FromSeconds(1.5), StepFactor: 2, MaxSteps: 7, Bisections: 0,
        StepDrain: TimeSpan.FromSeconds(1.5), KillRate: 1_000, KillWindow: TimeSpan.FromSeconds(12), KillAt: TimeSpan.FromSeconds(3));

    public int Conversations => Visitors * ConversationsPerVisitor;

    /// <summary>More messages in flight than half a second's worth means p99 is past the limit anyway: the step stops.</summary>
    public static long MaxInFlight(double rate) => Math.Max(2_000, (long)(rate * 0.5));
}
