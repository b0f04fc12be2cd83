namespace Crm.Web.Services;

/// <summary>
/// The board's chart: conversations opened per <see cref="Bucket"/> over the last <see cref="Span"/>, and the average
/// wait of queued work as the router last reported it in each bucket (null where no report came: before the page
/// opened, the router keeps no history of waits). Not thread-safe: it lives on one circuit.
/// </summary>
public sealed class VolumeSeries
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Span = TimeSpan.FromHours(3);

    private readonly SortedDictionary<DateTimeOffset, int> _opened = [];
    private readonly SortedDictionary<DateTimeOffset, double> _waitMinutes = [];

    public void CountOpened(DateTimeOffset openedAt) => _opened[Start(openedAt)] = _opened.GetValueOrDefault(Start(openedAt)) + 1;

    public void SampleWait(DateTimeOffset at, TimeSpan averageWait) => _waitMinutes[Start(at)] = Math.Round(averageWait.TotalMinutes, 1);

    /// <summary>The buckets ending with the one holding <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets(DateTimeOffset now)
    {
        var count = (int)(Span / Bucket);
        var last = Start(now);
        return Enumerable.Range(0, count).Select(i => last - Bucket * (count - 1 - i)).ToList();
    }

    public int OpenedIn(DateTimeOffset bucket) => _opened.GetValueOrDefault(bucket);

    public double? WaitIn(DateTimeOffset bucket) => _waitMinutes.TryGetValue(bucket, out var minutes) ? minutes : null;

    private static DateTimeOffset Start(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % Bucket.Ticks, TimeSpan.Zero);
}
