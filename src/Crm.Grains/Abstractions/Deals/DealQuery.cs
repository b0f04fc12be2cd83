using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Abstractions.Deals;

/// <summary>Which deals a list, board or merge wants; every filter given must hold.</summary>
[GenerateSerializer, Immutable, Alias("crm.deals.deal-query")]
public sealed record DealQuery(
    string? PipelineId = null,
    string? StageId = null,
    string? OwnerId = null,
    StageOutcome? Outcome = null,
    string? ContactId = null,
    string? CompanyId = null,
    string? Text = null)
{
    public static DealQuery ForContact(string customerId) => new(ContactId: customerId);
}
