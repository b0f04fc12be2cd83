namespace Crm.Grains.Abstractions.Customers;

/// <summary>A page of the timeline, newest first: skip <paramref name="Offset"/> entries, take up to <paramref name="Limit"/>, only <paramref name="Kinds"/> (empty: all).</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.timeline-query")]
public sealed record TimelineQuery(int Offset, int Limit, IReadOnlyList<string> Kinds);
