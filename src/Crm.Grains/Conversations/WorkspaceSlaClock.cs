using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Sla;

namespace Crm.Grains.Conversations;

/// <summary>Turns a workspace's SLA settings into the <see cref="SlaClock"/> that conversation SLA is computed with.</summary>
public static class WorkspaceSlaClock
{
    /// <summary>
    /// Asks the workspace grain (the one source of the settings) and returns <paramref name="current"/> when nothing
    /// changed, so a caller that refreshes often keeps its resolved calendar instead of rebuilding it.
    /// </summary>
    public static async Task<SlaClock> LoadAsync(IGrainFactory grains, string workspaceId, SlaClock? current = null)
    {
        var settings = await grains.GetGrain<IWorkspaceGrain>(workspaceId).GetSlaAsync();
        return current is not null && current.Policy == settings.Policy && current.Calendar == settings.Calendar
            ? current
            : new SlaClock(settings.Policy, settings.Calendar);
    }
}
