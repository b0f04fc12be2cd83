using System.Collections.Concurrent;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Every hub connection and console circuit this web node holds, by session. One per node: in a cluster each node
/// ends its own, the node that ended the session at once and the others on their next sweep
/// (<see cref="LiveSessionSweeper"/>, every <see cref="SessionTimings.SweepEvery"/>), so no broadcast is needed.
/// </summary>
public sealed class LiveConnections(TimeProvider clock, ILogger<LiveConnections> logger)
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new();

    // Connections already told to end, until they close: a sweep in between must not end (reload) them twice.
    private readonly ConcurrentDictionary<string, bool> _ending = new();

    /// <summary>Tracks <paramref name="connection"/> until the returned handle is disposed (the connection closed).</summary>
    public IDisposable Register(LiveConnection connection)
    {
        _connections[connection.Id] = connection;
        return new Registration(this, connection.Id);
    }

    /// <summary>What this node holds now (a snapshot).</summary>
    public IReadOnlyCollection<LiveConnection> All => [.. _connections.Values];

    public int CountFor(string sessionId) => _connections.Values.Count(c => c.SessionId == sessionId);

    /// <summary>Ends everything this node holds for the sessions: console pages go to the login page, connections close.</summary>
    public Task EndSessionsAsync(IReadOnlyCollection<string> sessionIds)
    {
        var ids = sessionIds.ToHashSet();
        return EndAsync(_connections.Values.Where(c => ids.Contains(c.SessionId)).ToList(), LiveConnectionEnd.SessionEnded);
    }

    /// <summary>
    /// The user's role changed: their console pages reload and their hub connections close, so nothing keeps acting with
    /// the old role (a circuit and a hub connection keep the principal they opened with).
    /// </summary>
    public Task RefreshUserAsync(string userId) =>
        EndAsync(_connections.Values.Where(c => c.UserId == userId).ToList(), LiveConnectionEnd.AccessChanged);

    /// <summary>Ends exactly these connections (the sweeper's pick); any already ending are left to finish.</summary>
    public async Task EndAsync(IReadOnlyList<LiveConnection> connections, LiveConnectionEnd end)
    {
        // Pages first, so their browsers get the navigation before any transport is closed.
        foreach (var connection in connections.OrderBy(c => c.Kind == LiveConnectionKind.Circuit ? 0 : 1))
        {
            if (!_ending.TryAdd(connection.Id, true)) continue;
            try
            {
                if (connection.Kind == LiveConnectionKind.CircuitTransport)
                    _ = AbortAfterGraceAsync(connection, end);
                else
                    await connection.EndAsync(end);
            }
            catch (Exception ex)
            {
                // A circuit already gone cannot be navigated; its transport is still aborted.
                logger.LogDebug(ex, "Ending live connection {Connection} of session {Session} failed", connection.Id, connection.SessionId);
            }
        }
    }

    private async Task AbortAfterGraceAsync(LiveConnection transport, LiveConnectionEnd end)
    {
        try
        {
            await Task.Delay(SessionTimings.CircuitGrace, clock);
            await transport.EndAsync(end);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Aborting circuit connection {Connection} failed", transport.Id);
        }
    }

    private sealed class Registration(LiveConnections owner, string id) : IDisposable
    {
        public void Dispose()
        {
            owner._connections.TryRemove(id, out _);
            owner._ending.TryRemove(id, out _);
        }
    }
}
