using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>Counts in memory, for orchestration tests that check what a call adds; the durable ledger has its own tests.</summary>
public sealed class MemoryTokenLedger : ITokenLedger
{
    private readonly ConcurrentDictionary<(string Workspace, string Month), long> _used = new();

    public long Used(string workspaceId, DateTimeOffset now) => _used.GetValueOrDefault((workspaceId, AiUsageMonth.Key(now)));

    public Task<long> UsedAsync(string workspaceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Used(workspaceId, now));

    public Task AddAsync(string workspaceId, DateTimeOffset now, long tokens, CancellationToken cancellationToken)
    {
        _used.AddOrUpdate((workspaceId, AiUsageMonth.Key(now)), tokens, (_, used) => used + tokens);
        return Task.CompletedTask;
    }
}
