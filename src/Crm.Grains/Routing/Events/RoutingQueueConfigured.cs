using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

[GenerateSerializer, Alias("crm.routing.queue-configured.v1")]
public sealed record RoutingQueueConfigured(string QueueId, QueuePolicy Policy) : DomainEvent;
