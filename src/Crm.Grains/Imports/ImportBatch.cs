using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>The next rows of a file, decided: what to write, their counts and issues, how many data rows were read.</summary>
public sealed record ImportBatch<T>(List<T> Planned, ImportCounts Counts, List<ImportIssue> Issues, int RowsRead, bool Ended);
