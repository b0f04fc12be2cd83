namespace Crm.Grains.Abstractions.Workspaces;

[GenerateSerializer, Immutable, Alias("crm.workspaces.workspace-details")]
public sealed record WorkspaceDetails(string WorkspaceId, string Name, DateTimeOffset CreatedAt);
