using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>
/// Decides each valid row in file order against the stored customers and the rows before it, and counts the outcome.
/// The dry run and the run use this one class, so the dry run's counts are the run's.
/// </summary>
public sealed class ImportPlanner(ImportDuplicates duplicates, DuplicateMode mode)
{
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
