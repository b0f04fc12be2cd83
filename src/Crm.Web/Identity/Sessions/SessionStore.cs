using System.Collections.Concurrent;
using System.Security.Cryptography;
using Crm.Grains.Abstractions.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Server-side sessions: started when a login cookie is issued, checked on every request that carries one (from a
/// short cache, see <see cref="SessionTimings.CacheFor"/>), ended by signing out, by the user or an admin, or by a
/// deactivation. Ending one also ends the live connections this node holds for it; other nodes' sweepers end theirs.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IMemoryCache cache, LiveConnections live, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeenWritten = new();

    public async Task<string> StartAsync(string userId, string workspaceId, string? userAgent, string? ipAddress)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            // 128 random bits: the id also names the session in URLs (DELETE /api/account/sessions/{id}).
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            WorkspaceId = workspaceId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = userAgent is { Length: > UserSession.MaxUserAgentLength } ? userAgent[..UserSession.MaxUserAgentLength] : userAgent,
            IpAddress = ipAddress,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        _lastSeenWritten[session.Id] = now;
        return session.Id;
    }

    /// <summary>Whether the session exists, belongs to <paramref name="userId"/> and is live. Cached briefly.</summary>
    public async Task<bool> IsActiveAsync(string sessionId, string userId)
    {
        var session = await cache.GetOrCreateAsync(CacheKey(sessionId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = SessionTimings.CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == sessionId);
        });
        return session is not null && session.UserId == userId && session.IsActiveAt(clock.GetUtcNow());
    }

    /// <summary>Records that the session was used, at most once per <see cref="SessionTimings.LastSeenWriteEvery"/>.</summary>
    public async Task TouchAsync(string sessionId)
    {
        var now = clock.GetUtcNow();
        if (_lastSeenWritten.TryGetValue(sessionId, out var written) && now - written < SessionTimings.LastSeenWriteEvery) return;
        _lastSeenWritten[sessionId] = now;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions
            .Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
    }

    /// <summary>Drops this node's last-seen marks of sessions idle past their lifetime, so the map does not grow forever.</summary>
    public void ForgetIdle()
    {
        var cutoff = clock.GetUtcNow() - SessionTimings.IdleLifetime;
        foreach (var (id, written) in _lastSeenWritten)
            if (written < cutoff) _lastSeenWritten.TryRemove(id, out _);
    }

    /// <summary>The user's live sessions, most recently used first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sessions = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync();
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        var now = clock.GetUtcNow();
        return [.. sessions.Where(s => s.IsActiveAt(now)).OrderByDescending(s => s.LastSeenAt)];
    }

    /// <summary>How many live sessions each user of the workspace has.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountActiveAsync(string workspaceId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sessions = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions.AsNoTracking()
            .Where(s => s.WorkspaceId == workspaceId && s.EndedAt == null)
            .Select(s => new { s.UserId, s.LastSeenAt }).ToListAsync();
        var now = clock.GetUtcNow();
        return sessions.Where(s => now - s.LastSeenAt < SessionTimings.IdleLifetime)
            .GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Ends one of <paramref name="userId"/>'s sessions; NotFound when it is not theirs or already over.</summary>
    public async Task EndAsync(string userId, string sessionId, string endedBy)
    {
        if (await EndWhereAsync(s => s.Id == sessionId && s.UserId == userId, endedBy) == 0)
            throw new DomainException(DomainErrorKind.NotFound, "There is no such active session.");
    }

    /// <summary>Ends every session of the user (sign-out everywhere, deactivation). Returns how many were live.</summary>
    public Task<int> EndAllAsync(string userId, string endedBy) => EndWhereAsync(s => s.UserId == userId, endedBy);

    /// <summary>Ends the session if it is live; used by sign-out, which has nothing to refuse.</summary>
    public Task EndQuietlyAsync(string sessionId, string endedBy) => EndWhereAsync(s => s.Id == sessionId, endedBy);

    /// <summary>Of <paramref name="sessionIds"/>, those that are no longer live (ended, expired or unknown).</summary>
    public async Task<IReadOnlySet<string>> FindEndedAsync(IReadOnlyCollection<string> sessionIds)
    {
        if (sessionIds.Count == 0) return new HashSet<string>();
        await using var scope = scopes.CreateAsyncScope();
        var live = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions.AsNoTracking()
            .Where(s => sessionIds.Contains(s.Id) && s.EndedAt == null)
            .Select(s => new { s.Id, s.LastSeenAt }).ToListAsync();
        var now = clock.GetUtcNow();
        var stillLive = live.Where(s => now - s.LastSeenAt < SessionTimings.IdleLifetime).Select(s => s.Id).ToHashSet();
        return sessionIds.Where(id => !stillLive.Contains(id)).ToHashSet();
    }

    private async Task<int> EndWhereAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which, string endedBy)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Sessions;
        var ids = await sessions.Where(which).Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync();
        if (ids.Count == 0) return 0;
        await sessions.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBy, endedBy));
        // Committed first, then forgotten and disconnected. A request that read the row just before the commit may
        // cache a live copy again: that copy lasts CacheFor at most, the same bound every other node has.
        foreach (var id in ids)
        {
            cache.Remove(CacheKey(id));
            _lastSeenWritten.TryRemove(id, out _);
        }
        await live.EndSessionsAsync(ids);
        return ids.Count;
    }

    private static string CacheKey(string sessionId) => $"crm:session:{sessionId}";
}
