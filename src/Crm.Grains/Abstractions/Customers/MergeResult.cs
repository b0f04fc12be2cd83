namespace Crm.Grains.Abstractions.Customers;

/// <summary>The surviving customer after a merge, and how many conversations, deals and follow-ups moved to it.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.merge-result")]
public sealed record MergeResult(CustomerDetails Survivor, int ConversationsMoved, int DealsMoved, int FollowUpsMoved);
