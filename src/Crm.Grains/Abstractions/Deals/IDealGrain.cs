namespace Crm.Grains.Abstractions.Deals;

/// <summary>A deal. Key: "{workspaceId}/{dealId}". Every stage change is an event; each commit is announced on the live feed.</summary>
public interface IDealGrain : IGrainWithStringKey
{
    /// <summary>Invalid for an unknown pipeline or stage, a negative amount, an unknown currency; Conflict when the id is taken.</summary>
    Task<DealDetails> CreateAsync(CreateDeal command);

    Task<DealDetails> UpdateAsync(UpdateDeal command);

    /// <summary>Invalid for a stage not in the deal's pipeline, or a close without a reason; a move to the current stage writes nothing.</summary>
    Task<DealDetails> MoveAsync(MoveDeal command);

    Task<DealDetails> ReplaceContactAsync(ReplaceDealContact command);

    /// <summary>NotFound when never created.</summary>
    Task<DealDetails> GetDetailsAsync();
}
