using Crm.Grains.Abstractions.Projections;
namespace Crm.Grains.Abstractions.Deals;

/// <summary>
/// The workspace's deals as one read model (key: the workspace id), folded from the deal streams with the deal's own
/// state class: board, list, forecast, and what a merge must move. Each answer includes every acknowledged write.
/// </summary>
public interface IDealBoardGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>Matching deals, most recently changed first.</summary>
    Task<IReadOnlyList<DealDetails>> ListAsync(DealQuery query);

    /// <summary>
    /// Open deals with an expected close date, by month of that date, owner and currency (amounts in different
    /// currencies are never added up), months from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (yyyy-MM, both included).
    /// </summary>
    Task<IReadOnlyList<ForecastRow>> GetForecastAsync(string fromMonth, string toMonth);
}
