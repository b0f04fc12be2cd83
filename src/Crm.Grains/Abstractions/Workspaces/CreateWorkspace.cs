namespace Crm.Grains.Abstractions.Workspaces;

[GenerateSerializer, Immutable, Alias("crm.workspaces.create-workspace")]
public sealed record CreateWorkspace(string Name, string Actor);
