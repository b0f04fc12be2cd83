namespace Crm.Grains.Abstractions.Deals;

/// <summary>Open deals expected to close in <paramref name="Month"/> (yyyy-MM) for one owner and currency: their sum and weighted sum.</summary>
[GenerateSerializer, Immutable, Alias("crm.deals.forecast-row")]
public sealed record ForecastRow(string Month, string? OwnerId, string Currency, int Deals, decimal Amount, decimal Weighted);
