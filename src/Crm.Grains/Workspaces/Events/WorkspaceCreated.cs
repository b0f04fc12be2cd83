using Crm.Grains.EventSourcing;

namespace Crm.Grains.Workspaces.Events;

[GenerateSerializer, Alias("crm.workspaces.workspace-created.v1")]
public sealed record WorkspaceCreated(string Name) : DomainEvent;
