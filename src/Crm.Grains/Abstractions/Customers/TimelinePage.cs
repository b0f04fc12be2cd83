namespace Crm.Grains.Abstractions.Customers;

/// <summary>Entries newest first; <paramref name="Total"/> counts every entry the filter matches.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.timeline-page")]
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int Total);
