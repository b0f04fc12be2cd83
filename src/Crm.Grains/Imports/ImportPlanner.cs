using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>
/// Decides each valid row in file order against the stored customers (looked up a batch at a time) and the rows
/// before it, and counts the outcome.
/// The dry run and the run use this one class, so the dry run's counts are the run's.
/// </summary>
public sealed class ImportPlanner(ImportDuplicates duplicates, DuplicateMode mode, ImportPlanner.StoredLookup lookUpStored)
{
    /// <summary>The stored customers with any of the given emails or phones.</summary>
    public delegate Task<IReadOnlyList<DuplicateProbe>> StoredLookup(IReadOnlyList<string> emails, IReadOnlyList<string> phones);

    /// <summary>
    /// Files the stored customers a batch's rows may repeat, before they are planned: looked up per batch, so an import
    /// into a workspace of a million customers does not begin by holding all of them.
    /// </summary>
    public async Task LookUpStoredAsync(IReadOnlyList<ImportCandidate> rows)
    {
        // Keys held already are settled: whoever holds one keeps it, so asking again would only fetch it again.
        var emails = rows.Where(r => r.Email is not null && !duplicates.HoldsEmail(r.Email)).Select(r => r.Email!).ToList();
        var phones = rows.Where(r => r.Phone is not null && !duplicates.HoldsPhone(r.Phone)).Select(r => r.Phone!).ToList();
        if (emails.Count + phones.Count > 0) duplicates.AddStored(await lookUpStored(emails, phones));
    }

    public PlannedRow Plan(ImportCandidate row, ref ImportCounts counts)
    {
        var match = duplicates.Find(row);
        counts = counts with { Rows = counts.Rows + 1, Duplicates = counts.Duplicates + (match is null ? 0 : 1) };
        if (match is not { } m || mode == DuplicateMode.Create)
        {
            duplicates.AddRow(row.Line, row.Email, row.Phone);
            counts = counts with { Created = counts.Created + 1 };
            return new PlannedRow(row, duplicates.RowCustomerId(row.Line), Create: true, match is null ? null : mode, null, match?.Reason);
        }
        counts = mode switch
        {
            DuplicateMode.Skip => counts with { Skipped = counts.Skipped + 1 },
            DuplicateMode.Update => counts with { Updated = counts.Updated + 1 },
            _ => counts with { Merged = counts.Merged + 1 },
        };
        return new PlannedRow(row, m.CustomerId, Create: false, mode, m.Line, m.Reason);
    }
}
