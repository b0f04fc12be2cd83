namespace Crm.Grains.Abstractions.Collaboration;

/// <summary>Clients heartbeat every <see cref="HeartbeatEvery"/>; a viewer is gone after <see cref="ViewerLease"/> without one.</summary>
public static class PresenceTimings
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ViewerLease = TimeSpan.FromSeconds(12);
    public static readonly TimeSpan TypingLease = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);
}
