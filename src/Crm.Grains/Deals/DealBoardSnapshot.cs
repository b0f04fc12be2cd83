namespace Crm.Grains.Deals;

/// <summary>The deal board as saved: every deal's fold, by deal id.</summary>
[GenerateSerializer, Alias("crm.deals.board-snapshot")]
public sealed record DealBoardSnapshot([property: Id(0)] Dictionary<string, DealState> Deals);
