using Crm.Grains.EventSourcing;

namespace Crm.Grains.Workspaces.Events;

/// <summary>An admin changed someone's access (see RecordAccessChange); the identity store already holds the change.</summary>
[GenerateSerializer, Alias("crm.workspaces.workspace-access-changed.v1")]
public sealed record WorkspaceAccessChanged(string Subject, string Setting, string Value) : DomainEvent;
