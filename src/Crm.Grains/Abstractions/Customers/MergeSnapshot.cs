namespace Crm.Grains.Abstractions.Customers;

/// <summary>What a merge reads of the duplicate: its details (with the version) and its conversations.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.merge-snapshot")]
public sealed record MergeSnapshot(CustomerDetails Details, IReadOnlyList<string> ConversationIds);
