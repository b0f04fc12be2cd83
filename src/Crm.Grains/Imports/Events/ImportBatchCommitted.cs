using Crm.Grains.Abstractions.Imports;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Imports.Events;

/// <summary>
/// A batch is durable: every data row before <paramref name="RowsDone"/> is written and never read again. The counts
/// are this batch's; <paramref name="Issues"/> are its first issues (the report keeps a bounded number),
/// <paramref name="IssueCount"/> all of them.
/// </summary>
[GenerateSerializer, Alias("crm.imports.import-batch-committed.v1")]
public sealed record ImportBatchCommitted(long RowsDone, ImportCounts Counts, IReadOnlyList<ImportIssue> Issues, long IssueCount) : DomainEvent;
