namespace Crm.Grains.Abstractions.Imports;

/// <summary>What a run did, or a dry run would do: the counts (exact) and the first issues by row and column.</summary>
[GenerateSerializer, Immutable, Alias("crm.imports.import-report")]
public sealed record ImportReport(ImportCounts Counts, IReadOnlyList<ImportIssue> Issues, long IssueCount);
