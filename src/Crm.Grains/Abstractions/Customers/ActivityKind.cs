namespace Crm.Grains.Abstractions.Customers;

/// <summary>What a logged activity on a customer's timeline was.</summary>
[GenerateSerializer, Alias("crm.customers.activity-kind")]
public enum ActivityKind
{
    Note = 0,
    Call = 1,
    Meeting = 2,
    Email = 3,
}
