using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Decides each record of one import in file order: a write, or null with the issues and counts that say why not.</summary>
public interface IImportRows
{
    ImportWrite? Plan(CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts);

    /// <summary>Before a batch is planned: looks up in one call what its rows refer to (e.g. customers by email).</summary>
    Task PrepareAsync(IReadOnlyList<CsvRecord> batch) => Task.CompletedTask;
}
