using Crm.Grains.Abstractions.Imports;
using Crm.Grains.EventSourcing;
using Crm.Grains.Imports.Events;

namespace Crm.Grains.Imports;

/// <summary>An import folded from its stream: the upload, the chosen mapping, the committed row offset and the report.</summary>
public sealed class ImportState : IEventSourcedState
{
    public const int MaxIssues = 1_000;

    public ImportUploaded? Upload { get; private set; }
    public ImportStarted? Start { get; private set; }
    public ImportStatus Status { get; private set; }
    public long RowsDone { get; private set; }
    public ImportCounts Counts { get; private set; } = ImportCounts.Zero;
    public List<ImportIssue> Issues { get; } = [];
    public long IssueCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case ImportUploaded e:
                (Upload, CreatedAt, Status) = (e, e.At, ImportStatus.Uploaded);
                break;
            case ImportStarted e:
                (Start, Status) = (e, ImportStatus.Running);
                break;
            case ImportBatchCommitted e:
                RowsDone = e.RowsDone;
                Counts = Counts.Add(e.Counts);
                Issues.AddRange(e.Issues.Take(MaxIssues - Issues.Count));
                IssueCount += e.IssueCount;
                break;
            case ImportCompleted e:
                (Status, CompletedAt) = (ImportStatus.Completed, e.At);
                break;
        }
    }

    public ImportDetails ToDetails(string importId)
    {
        var u = Upload!;
        return new ImportDetails(importId, u.Kind, u.FileName, Status, u.Delimiter, u.Columns, u.SuggestedMapping, u.Preview, u.Notes,
            u.TotalRows, Start?.Mapping, Start?.Duplicates, new ImportReport(Counts, Issues.ToList(), IssueCount), CreatedAt, CompletedAt);
    }
}
