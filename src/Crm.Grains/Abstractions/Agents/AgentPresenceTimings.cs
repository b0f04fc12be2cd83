namespace Crm.Grains.Abstractions.Agents;

/// <summary>
/// How an agent's live console sessions become a status. A console heartbeats every <see cref="HeartbeatEvery"/>; a
/// session without one for <see cref="SessionLease"/> is gone (one missed heartbeat is tolerated). Once no session is
/// left the agent stays in their status for <see cref="Grace"/>, so a network blip or a reload never flaps it, and is
/// Offline after that. A console that vanishes without saying goodbye went after its last heartbeat, and is Offline by
/// lease + grace + one sweep = 20 + 8 + 2 = 30 s after that heartbeat; a closed tab disconnects at once (~10 s).
/// </summary>
public static class AgentPresenceTimings
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan SessionLease = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);

    /// <summary>Who is recorded as having made a change the system derived (the agent's consoles all went away).</summary>
    public const string SystemActor = "system:presence";
}
