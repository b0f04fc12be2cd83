using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>Decides one record: what to write (or null), adding its issues and counting it.</summary>
public delegate T? RowDecider<T>(CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts) where T : class;
