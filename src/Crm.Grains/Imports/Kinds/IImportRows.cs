using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports.Kinds;

/// <summary>Decides each record of one import in file order: a write, or null with the issues and counts that say why not.</summary>
public interface IImportRows
{
    ImportWrite? Plan(CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts);
}
