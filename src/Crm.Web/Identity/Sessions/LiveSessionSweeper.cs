using Crm.Web.Identity.Users;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Every <see cref="SessionTimings.SweepEvery"/>, ends this node's live connections whose session ended on another
/// node (or expired), and refreshes those whose user's role changed there: the cluster-wide half of ending a session
/// or changing a role, without a broadcast. Two small queries per sweep, whatever the number of connections.
/// </summary>
public sealed class LiveSessionSweeper(LiveConnections live, SessionStore sessions, UserAccessCache access, TimeProvider clock,
    ILogger<LiveSessionSweeper> logger) : BackgroundService
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

        var roles = await access.FindRolesAsync(connections.Select(c => c.UserId).ToHashSet());
        var stale = connections.Where(c => !ended.Contains(c.SessionId) && roles.GetValueOrDefault(c.UserId) != c.Role).ToList();
        if (stale.Count == 0) return;
        foreach (var userId in stale.Select(c => c.UserId).Distinct()) access.Forget(userId);
        // Only the connections opened with the old role: a console that already reloaded with the new one stays.
        await live.EndAsync(stale, LiveConnectionEnd.AccessChanged);
    }
}
