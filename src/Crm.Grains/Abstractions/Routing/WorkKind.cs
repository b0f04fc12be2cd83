namespace Crm.Grains.Abstractions.Routing;

/// <summary>Which capacity a piece of work uses: chats (live, few at a time) and tickets (every other channel) are counted apart.</summary>
[GenerateSerializer, Alias("crm.routing.work-kind")]
public enum WorkKind
{
    Chat = 0,
    Ticket = 1,
}
