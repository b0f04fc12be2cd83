namespace Crm.Grains.Abstractions.Customers;

/// <summary>One thing on a customer's timeline, in words: a change, a conversation, a deal's step, a follow-up, a logged activity.</summary>
/// <param name="Kind">One of <see cref="TimelineKinds"/>: what the timeline filters by.</param>
/// <param name="RefId">The conversation, deal or follow-up it is about, when it is about one.</param>
[GenerateSerializer, Immutable, Alias("crm.customers.timeline-entry")]
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string By, string? RefId);
