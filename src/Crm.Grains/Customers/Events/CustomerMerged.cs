using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>
/// A duplicate was merged into this record: the surviving field values were chosen (already applied by the events
/// raised with this one), and the duplicate's conversations now belong here. The duplicate's own stream is kept whole;
/// the timeline reads it through <paramref name="MergedId"/>.
/// </summary>
[GenerateSerializer, Alias("crm.customers.customer-merged.v1")]
public sealed record CustomerMerged(string MergedId, long MergedVersion, IReadOnlyList<string> ConversationIds, IReadOnlyDictionary<string, string> Chosen) : DomainEvent;
