using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Testing.Cluster;

/// <summary>
/// Hands a fixture's <see cref="FakeTimeProvider"/> to its in-process silos: configuration carries strings only,
/// so it carries the clock's id and the silos look the clock up here.
/// </summary>
internal static class SharedClocks
{
    public const string ConfigurationKey = "Crm:Testing:ClockId";

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    public static string Add(FakeTimeProvider clock)
    {
        var id = Guid.NewGuid().ToString("n");
        Clocks[id] = clock;
        return id;
    }

    public static FakeTimeProvider Get(string? id) =>
        id is not null && Clocks.TryGetValue(id, out var clock)
            ? clock
            : throw new InvalidOperationException($"No test clock '{id}': silos must be started by {nameof(CrmClusterFixture)}.");

    public static void Remove(string id) => Clocks.TryRemove(id, out _);
}
