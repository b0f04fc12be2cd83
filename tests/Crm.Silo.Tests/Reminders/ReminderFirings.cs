using System.Collections.Concurrent;

namespace Crm.Silo.Tests.Reminders;

/// <summary>
/// Every tick of every probe grain in this test process. Tests filter by their own fresh grain key, so tests running
/// in parallel never see each other's ticks.
/// </summary>
public static class ReminderFirings
{
    private static readonly ConcurrentQueue<ReminderFiring> All = new();

    public static void Record(ReminderFiring firing) => All.Enqueue(firing);

    public static IReadOnlyList<ReminderFiring> For(string grainKey) => [.. All.Where(f => f.GrainKey == grainKey)];
}
