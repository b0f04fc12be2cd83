using System.Collections.Concurrent;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// Tokens used per workspace and calendar month (UTC), counted in this process from what the endpoint reports.
/// The month comes from the caller's domain clock, so a new month starts a fresh count.
/// </summary>
public sealed class TokenLedger
{
    private readonly ConcurrentDictionary<(string Workspace, int Month), long> _used = new();

    public long Used(string workspaceId, DateTimeOffset now) => _used.GetValueOrDefault((workspaceId, Month(now)));

    public void Add(string workspaceId, DateTimeOffset now, long tokens)
    {
        if (tokens > 0) _used.AddOrUpdate((workspaceId, Month(now)), tokens, (_, used) => used + tokens);
    }

    private static int Month(DateTimeOffset now) => now.UtcDateTime.Year * 12 + now.UtcDateTime.Month;
}
