using System.Globalization;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Deals;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Each deal row checked as the deal grain would (amount, currency, stage), its company and contact resolved, then opened.</summary>
public sealed class DealImportRows(ImportScope scope, IReadOnlyList<string> mapping, DealImportLookups lookups, Func<IReadOnlyList<string>, Task> findContacts) : IImportRows
{
    private readonly int _contactColumn = mapping.ToList().IndexOf(DealImportKind.ContactEmail);

    /// <summary>Loads the customers the batch's contact emails name into <see cref="DealImportLookups.CustomersByEmail"/>.</summary>
    public Task PrepareAsync(IReadOnlyList<CsvRecord> batch) => _contactColumn < 0 ? Task.CompletedTask : findContacts(
        batch.Where(r => r.Cells.Length > _contactColumn).Select(r => r.Cells[_contactColumn].Trim()).Where(e => e.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList());

    public ImportWrite? Plan(CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts)
    {
        var cells = ImportCells.Read(scope, mapping, record, issues);
        if (cells is null || Decide(cells) is not { } deal || cells.Refused)
        {
            counts = counts with { Rows = counts.Rows + 1, Invalid = counts.Invalid + 1 };
            return null;
        }
        counts = counts with { Rows = counts.Rows + 1, Created = counts.Created + 1 };
        var id = scope.RowId(record.Line);
        // A retried batch sends the same id and title again, which the deal grain answers as a no-op.
        return new ImportWrite(record.Line, id, false, (grains, actor) =>
            grains.GetGrain<IDealGrain>(GrainKeys.Scoped(scope.WorkspaceId, id)).CreateAsync(deal with { Actor = actor }));
    }

    private CreateDeal? Decide(ImportCells cells)
    {
        var title = cells.Text(DealImportKind.Title);
        var pipeline = cells.Get(DealImportKind.Pipeline, lookups.Pipeline) ?? (cells.Text(DealImportKind.Pipeline) is null ? lookups.Pipeline(null) : null);
        var stage = pipeline is null ? null : cells.Get(DealImportKind.Stage, s => DealImportLookups.Stage(pipeline, s))
            ?? (cells.Text(DealImportKind.Stage) is null ? DealImportLookups.Stage(pipeline, null) : null);
        var amount = cells.Get(DealImportKind.Amount, ParseAmount);
        var currency = cells.Get(DealImportKind.Currency, c => Currencies.Normalize(c) ?? throw ImportCells.Invalid($"'{c}' is not an ISO 4217 currency code (e.g. EUR, USD, GBP)."));
        var close = cells.Get<DateOnly?>(DealImportKind.Close, ParseDate);
        var owner = cells.Get(DealImportKind.Owner, o => Ids.Require(o, "owner"));
        var company = cells.Get(DealImportKind.Company, lookups.Company);
        var contact = cells.Get(DealImportKind.ContactEmail, lookups.Customer);
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200) cells.Refuse(DealImportKind.Title, "A deal needs a title of 1–200 characters.");
        if (currency is null && cells.Text(DealImportKind.Currency) is null) cells.Refuse(null, "The row has no currency; map a currency column (EUR, USD, …).");
        if (cells.Refused || pipeline is null || stage is null || currency is null) return null;
        return new CreateDeal(title!, pipeline.PipelineId, stage.StageId, amount ?? 0m, currency, close, owner, contact is null ? null : [contact], company, "");
    }

    private static decimal? ParseAmount(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            throw ImportCells.Invalid($"'{text}' is not an amount (e.g. 1200.50).");
        if (amount < 0) throw ImportCells.Invalid($"A deal's amount cannot be negative ({text}).");
        if (amount > DealRules.MaxAmount || decimal.Round(amount, 2) != amount) throw ImportCells.Invalid($"'{text}' is not an amount of at most two decimals below 1,000,000,000,000.");
        return amount;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw ImportCells.Invalid($"'{text}' is not a date as yyyy-MM-dd.");
}
