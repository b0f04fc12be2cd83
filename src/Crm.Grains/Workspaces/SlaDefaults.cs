using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Workspaces;

/// <summary>The SLA of a workspace that never configured one: office hours and a target set per priority. The one place they are defined.</summary>
public static class SlaDefaults
{
    /// <summary>Monday to Friday 09:00–17:00 UTC.</summary>
    public static BusinessCalendar Calendar => BusinessCalendar.Default;

    /// <summary>First response / next response / resolution, in business time.</summary>
    public static SlaPolicy Policy { get; } = SlaPolicy.Create(
        new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)),
        new SlaTargets(Priority.High, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        new SlaTargets(Priority.Normal, TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(24)),
        new SlaTargets(Priority.Low, TimeSpan.FromHours(8), TimeSpan.FromHours(24), TimeSpan.FromHours(72)));
}
