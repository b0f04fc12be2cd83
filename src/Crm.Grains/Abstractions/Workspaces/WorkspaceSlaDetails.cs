using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Abstractions.Workspaces;

/// <summary>
/// The SLA a workspace's conversations are measured by. <see cref="ConfiguredAt"/> is null while the workspace uses
/// the defaults (it never configured one).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.workspaces.workspace-sla-details")]
public sealed record WorkspaceSlaDetails(
    string WorkspaceId,
    BusinessCalendar Calendar,
    SlaPolicy Policy,
    DateTimeOffset? ConfiguredAt = null,
    string? ConfiguredBy = null)
{
    public bool IsDefault => ConfiguredAt is null;
}
