using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Projections;

/// <summary>
/// The projection partitions active on this silo, which the <see cref="ProjectionWaker"/> wakes after each commit, and
/// the kinds of partition it knows how to find again from a durable key ("projection/{kind}/{workspace}") after a silo
/// stopped. A singleton per silo.
/// </summary>
public sealed class ProjectionWakeList
{
    /// <summary>The snapshot-store prefix under which every partition keeps its snapshot or marker.</summary>
    public const string KeyPrefix = "projection/";

    private readonly ConcurrentDictionary<string, IProjectionPartitionGrain> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IGrainFactory, string, IProjectionPartitionGrain>> _kinds = new(StringComparer.Ordinal);

    /// <summary>The snapshot key of a partition, e.g. "projection/inbox/acme".</summary>
    public static string KeyOf(string partition) => KeyPrefix + partition;

    /// <summary>Teaches the waker to find a kind of partition by its workspace (or projection name) after a restart.</summary>
    public void AddKind(string kind, Func<IGrainFactory, string, IProjectionPartitionGrain> find) => _kinds[kind] = find;

    public IReadOnlyCollection<IProjectionPartitionGrain> Active => [.. _active.Values];

    public void Activated(string partition, IProjectionPartitionGrain grain) => _active[partition] = grain;

    public void Deactivated(string partition) => _active.TryRemove(partition, out _);

    /// <summary>The grain of a durable key ("projection/inbox/acme"), or null for a kind this silo does not know.</summary>
    public IProjectionPartitionGrain? Find(IGrainFactory grains, string key)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var partition = key[KeyPrefix.Length..];
        var slash = partition.IndexOf('/');
        if (slash <= 0 || slash == partition.Length - 1) return null;
        return _kinds.TryGetValue(partition[..slash], out var find) ? find(grains, partition[(slash + 1)..]) : null;
    }
}
