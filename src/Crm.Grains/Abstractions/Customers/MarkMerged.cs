namespace Crm.Grains.Abstractions.Customers;

/// <summary>
/// Sent by the surviving record to the duplicate: marks it merged, only if it is still at <paramref name="ExpectedVersion"/>
/// (the version the survivor read), so an update racing the merge is refused rather than lost.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.customers.mark-merged")]
public sealed record MarkMerged(string SurvivorId, long ExpectedVersion, string Actor);
