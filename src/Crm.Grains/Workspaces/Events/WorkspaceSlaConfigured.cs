using Crm.Grains.Abstractions.Sla;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Workspaces.Events;

/// <summary>The workspace's SLA settings were replaced; stored normalized (hours and targets sorted, holidays distinct).</summary>
[GenerateSerializer, Alias("crm.workspaces.workspace-sla-configured.v1")]
public sealed record WorkspaceSlaConfigured(BusinessCalendar Calendar, SlaPolicy Policy) : DomainEvent;
