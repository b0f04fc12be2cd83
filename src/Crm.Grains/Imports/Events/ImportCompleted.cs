using Crm.Grains.EventSourcing;

namespace Crm.Grains.Imports.Events;

[GenerateSerializer, Alias("crm.imports.import-completed.v1")]
public sealed record ImportCompleted : DomainEvent;
