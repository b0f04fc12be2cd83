namespace Crm.Grains.Abstractions.Routing;

/// <summary>Sets a queue's policy as a whole (admins); idempotent when nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("crm.routing.configure-queue")]
public sealed record ConfigureQueue(string QueueId, QueuePolicy Policy, string Actor);
