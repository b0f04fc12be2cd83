namespace Crm.Grains.Abstractions.Deals;

/// <summary>A merge moves the deal from the duplicate customer to the survivor; a no-op when the duplicate is not a contact.</summary>
[GenerateSerializer, Immutable, Alias("crm.deals.replace-deal-contact")]
public sealed record ReplaceDealContact(string OldCustomerId, string NewCustomerId, string Actor);
