namespace Crm.Grains.Sla;

/// <summary>A stretch of open time as UTC instants, [Start, End).</summary>
internal readonly record struct OpenSegment(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}
