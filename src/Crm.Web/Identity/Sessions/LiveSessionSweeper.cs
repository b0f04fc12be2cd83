using Crm.Web.Identity.Users;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Every <see cref="SessionTimings.SweepEvery"/>, ends this node's live connections whose session ended on another
/// node (or expired), refreshes those whose user's role changed there, and closes the hub connections of users whose
/// workspace has started requiring two-factor sign-in they have not set up: the cluster-wide half of these changes,
/// without a broadcast. Three small queries per sweep, whatever the number of connections.
/// </summary>
public sealed class LiveSessionSweeper(LiveConnections live, SessionStore sessions, UserAccessCache access, WorkspaceSecurity workspaces,
    TimeProvider clock, ILogger<LiveSessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SessionTimings.SweepEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Checking live sessions failed; retrying on the next sweep");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task SweepAsync()
    {
        sessions.ForgetIdle();
        var connections = live.All;
        if (connections.Count == 0) return;

        var ended = await sessions.FindEndedAsync(connections.Select(c => c.SessionId).ToHashSet());
        if (ended.Count > 0) await live.EndSessionsAsync([.. ended]);

        var now = await access.FindAccessAsync(connections.Select(c => c.UserId).ToHashSet());
        var requiring = new HashSet<string>();
        foreach (var workspaceId in connections.Select(c => c.WorkspaceId).Distinct())
            if (await workspaces.RequiresTwoFactorAsync(workspaceId)) requiring.Add(workspaceId);
        // Console pages are left alone on the second count: they are checked page by page, and the set-up page must stay open.
        var stale = connections.Where(c => !ended.Contains(c.SessionId)
            && (now[c.UserId].Role != c.Role
                || (c.Kind == LiveConnectionKind.Hub && requiring.Contains(c.WorkspaceId) && !now[c.UserId].TwoFactorEnabled))).ToList();
        if (stale.Count == 0) return;
        foreach (var userId in stale.Select(c => c.UserId).Distinct()) access.Forget(userId);
        // Only the connections concerned: a console that already reloaded with the new role stays.
        await live.EndAsync(stale, LiveConnectionEnd.AccessChanged);
    }
}
