namespace Crm.Grains.Abstractions.Workspaces;

/// <summary>A tenant. Key: the workspace id. Everything else in the system lives inside exactly one workspace.</summary>
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Creates the workspace; idempotent for the same name, a conflict for another.</summary>
    Task<WorkspaceDetails> CreateAsync(CreateWorkspace command);

    /// <summary>The workspace, or null when it does not exist (so callers can seed or refuse without catching).</summary>
    Task<WorkspaceDetails?> FindAsync();

    /// <summary>
    /// Sets the SLA calendar and policy after validating both (Invalid names the first problem); NotFound when the
    /// workspace was never created. Settings equal to the current ones write nothing. Conversations pick the change
    /// up the next time they evaluate their SLA.
    /// </summary>
    Task<WorkspaceSlaDetails> ConfigureSlaAsync(ConfigureSla command);

    /// <summary>The SLA in effect: the configured one, or the defaults for a workspace that never configured one.</summary>
    Task<WorkspaceSlaDetails> GetSlaAsync();

    /// <summary>Records an access change made in the identity store, for the audit trail (see <see cref="RecordAccessChange"/>).</summary>
    Task RecordAccessChangeAsync(RecordAccessChange command);
}
