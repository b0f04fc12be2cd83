using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Abstractions.Workspaces;

/// <summary>
/// Sets the workspace's SLA: the <see cref="Calendar"/> whose open hours the targets count in, and the
/// <see cref="Policy"/> with the targets per priority. Replaces the previous settings (or the defaults) as a whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.workspaces.configure-sla")]
public sealed record ConfigureSla(BusinessCalendar Calendar, SlaPolicy Policy, string Actor);
