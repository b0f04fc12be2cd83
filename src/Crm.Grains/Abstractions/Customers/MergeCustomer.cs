namespace Crm.Grains.Abstractions.Customers;

/// <summary>
/// Merges the customer <paramref name="DuplicateId"/> of workspace <paramref name="DuplicateWorkspaceId"/> into this one.
/// <paramref name="Keep"/> chooses, per field ("name", "email", "phone", "company", "owner", "attr:{key}"), whose value
/// survives: "survivor" or "duplicate"; a field not named keeps the survivor's value, or the duplicate's when the
/// survivor has none. Tags are united. A retry after a failure part-way finishes the same merge.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.customers.merge-customer")]
public sealed record MergeCustomer(string DuplicateWorkspaceId, string DuplicateId, IReadOnlyDictionary<string, string>? Keep, string Actor);
