namespace Crm.Benchmarks.Measurement;

/// <summary>
/// What this process allocated and how often the collector ran between <see cref="Start"/> and <see cref="Since"/>: a
/// collection's pause lands on whatever is in flight, so a phase reports both beside its CPU.
/// </summary>
public readonly record struct GcWindow(long Allocated, int Gen0, int Gen1, int Gen2)
{
    public static GcWindow Start() => new(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>The allocations and collections since this window started.</summary>
    public GcWindow Since()
    {
        var now = Start();
        return new(now.Allocated - Allocated, now.Gen0 - Gen0, now.Gen1 - Gen1, now.Gen2 - Gen2);
    }

    public double KbPer(long operations) => Allocated / 1024.0 / operations;
}
