using Crm.Grains.Abstractions.Imports;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Imports.Events;

[GenerateSerializer, Alias("crm.imports.import-started.v1")]
public sealed record ImportStarted(IReadOnlyList<string> Mapping, DuplicateMode Duplicates) : DomainEvent;
