using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>
/// The router has read the workspace's events up to <see cref="Position"/> and recorded every fact among them. Written
/// in the same commit as the facts it covers (and now and then on its own), so a new activation resumes there.
/// </summary>
[GenerateSerializer, Alias("crm.routing.caught-up.v1")]
public sealed record RoutingCaughtUp(long Position) : DomainEvent;
