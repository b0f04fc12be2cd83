namespace Crm.Grains.Abstractions.Routing;

/// <summary>Routing's fixed numbers and names in one place.</summary>
public static class RoutingDefaults
{
    /// <summary>Tickets of an agent whose routing was never configured: asynchronous work, so more than chats.</summary>
    public const int TicketCapacity = 10;

    public const int MaxCapacity = 50;

    /// <summary>Skills and teams an agent or a queue may name.</summary>
    public const int MaxTags = 20;

    public static readonly TimeSpan MinOfferTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxOfferTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinOverflowAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxOverflowAfter = TimeSpan.FromDays(1);

    /// <summary>Who the router's own changes are recorded as, in its stream and in the conversations it assigns.</summary>
    public const string Actor = "system:routing";
}
