using System.Globalization;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;

namespace Crm.Grains.Deals;

/// <summary>
/// One per workspace ("deals/{workspace}"): every deal folded with <see cref="DealState"/>, a projection on the runner
/// (snapshot plus tail on activation), caught up to the store's head before each answer.
/// </summary>
public sealed class DealBoardGrain : ProjectionGrain<DealBoardSnapshot>, IDealBoardGrain
{
    private Dictionary<string, DealState> _deals = new(StringComparer.Ordinal);

    protected override string Kind => ProjectionKinds.Deals;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.DealCategory);

    protected override bool WokenByCommits => false;

    public async Task<IReadOnlyList<DealDetails>> ListAsync(DealQuery query)
    {
        await CatchUpAsync();
        var text = query.Text?.Trim();
        return _deals.Where(d => d.Value.Created is not null)
            .Select(d => d.Value.ToDetails(WorkspaceId, d.Key))
            .Where(d => query.PipelineId is null || d.PipelineId == query.PipelineId)
            .Where(d => query.StageId is null || d.StageId == query.StageId)
            .Where(d => query.OwnerId is null || d.OwnerId == query.OwnerId)
            .Where(d => query.Outcome is null || d.Outcome == query.Outcome)
            .Where(d => query.ContactId is null || d.ContactIds.Contains(query.ContactId))
            .Where(d => query.CompanyId is null || d.CompanyId == query.CompanyId)
            .Where(d => string.IsNullOrEmpty(text) || d.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.UpdatedAt)
            .ToList();
    }

    public async Task<IReadOnlyList<ForecastRow>> GetForecastAsync(string fromMonth, string toMonth)
    {
        var from = Month(fromMonth);
        var to = Month(toMonth);
        if (to < from || to > from.AddMonths(36))
            throw new DomainException(DomainErrorKind.Invalid, "A forecast covers 1–36 months, from a month to the same or a later one.");
        await CatchUpAsync();
        return _deals.Values
            .Where(d => d is { Created: not null, Outcome: StageOutcome.Open, ExpectedClose: not null })
            .Where(d => d.ExpectedClose!.Value >= from && d.ExpectedClose.Value < to.AddMonths(1))
            .GroupBy(d => (Month: d.ExpectedClose!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture), d.OwnerId, d.Currency))
            .Select(g => new ForecastRow(g.Key.Month, g.Key.OwnerId, g.Key.Currency, g.Count(), g.Sum(d => d.Amount),
                g.Sum(d => Math.Round(d.Amount * d.Probability / 100m, 2))))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
    }

    private static DateOnly Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DomainException(DomainErrorKind.Invalid, $"'{month}' is not a month (yyyy-MM).");

    protected override DealBoardSnapshot TakeSnapshot() => new(_deals);

    protected override void Restore(DealBoardSnapshot snapshot) => _deals = snapshot.Deals;

    protected override Task ApplyAsync(StoredEvent stored)
    {
        EntityFold.Apply(_deals, stored);
        return Task.CompletedTask;
    }
}
