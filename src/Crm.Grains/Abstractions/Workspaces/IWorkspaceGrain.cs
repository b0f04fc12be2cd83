namespace Crm.Grains.Abstractions.Workspaces;

/// <summary>A tenant. Key: the workspace id. Everything else in the system lives inside exactly one workspace.</summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace; idempotent for the same name, a conflict for another.</summary>
    Task<WorkspaceDetails> CreateAsync(CreateWorkspace command);

    /// <summary>The workspace, or null when it does not exist (so callers can seed or refuse without catching).</summary>
    Task<WorkspaceDetails?> FindAsync();
}
