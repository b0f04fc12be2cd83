using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Web.Visitors;

/// <summary>
/// This node's copy of each workspace's answer-bot switch, read on every visitor message without waiting on anything:
/// a stale entry answers at once and is refreshed in the background (one read per workspace at a time), an unknown
/// workspace counts as off until its first read lands. A change made on this node is seen at once; one made on another
/// node within <see cref="FreshFor"/>.
/// </summary>
public sealed class AnswerBotSwitch(IGrainFactory grains, TimeProvider clock, ILogger<AnswerBotSwitch> logger)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);

    private sealed record Entry(bool Enabled, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refreshing = new(StringComparer.Ordinal);

    public bool IsOn(string workspaceId)
    {
        var entry = _entries.GetValueOrDefault(workspaceId);
        if (entry is null || clock.GetUtcNow() - entry.ReadAt > FreshFor) Refresh(workspaceId);
        return entry?.Enabled == true;
    }

    /// <summary>What this node just wrote: seen by its next visitor message.</summary>
    public void Set(string workspaceId, bool enabled) => _entries[workspaceId] = new Entry(enabled, clock.GetUtcNow());

    private void Refresh(string workspaceId)
    {
        if (!_refreshing.TryAdd(workspaceId, 0)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                Set(workspaceId, (await grains.GetGrain<IAnswerBotSettingsGrain>(workspaceId).GetAsync()).Enabled);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Answer-bot setting of workspace {Workspace} could not be read", workspaceId);
            }
            finally
            {
                _refreshing.TryRemove(workspaceId, out _);
            }
        });
    }
}
