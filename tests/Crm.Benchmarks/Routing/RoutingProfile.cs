namespace Crm.Benchmarks.Routing;

/// <summary>
/// One run's shape. Api-channel conversations count against ticket capacity, so <see cref="TicketCapacity"/> is the
/// agents' room; offered load (rate x hold) stays below agents x capacity, so work should never wait for a slot and
/// what is measured is the router's own latency.
/// </summary>
public sealed record RoutingProfile(int Agents, int ArrivalsPerSecond, TimeSpan Duration, TimeSpan Hold, int TicketCapacity, TimeSpan BaselineDuration)
{
    public static readonly RoutingProfile Full = new(500, 200, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), 5, TimeSpan.FromSeconds(20));

    public static readonly RoutingProfile Quick = new(40, 50, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(2), 5, TimeSpan.FromSeconds(5));

    public int Arrivals => (int)(ArrivalsPerSecond * Duration.TotalSeconds);
}
