using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Imports.Kinds;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Imports;

/// <summary>
/// The kinds other than customers (companies, deals) on the same file, batches, offset and resume: each row is written
/// through its record's grain with an id derived from its line, so a batch written again after a restart stores
/// nothing twice; rows naming one record are written in file order, the rest concurrently.
/// </summary>
public sealed partial class ImportGrain
{
    private (ImportFile File, IImportRows Rows)? _kindRun;

    /// <summary>The kind of a companies or deals import; null for customers (and before an upload).</summary>
    private IImportKind? Kind => State.Upload is { } upload ? ImportKinds.Require(upload.Kind) : null;

    private ImportScope Scope => new(Key.WorkspaceId, Key.ImportId, State.Upload!.Columns);

    private async Task<IImportRows> PrepareKindAsync(IImportKind kind, IReadOnlyList<string>? mapping, DuplicateMode mode)
    {
        if (mapping is null) throw new DomainException(DomainErrorKind.Invalid, $"Give a mapping: one target per column ({string.Join(", ", kind.Fields)} or ignore).");
        if (!Enum.IsDefined(mode)) throw new DomainException(DomainErrorKind.Invalid, "Duplicates are skip, update, merge or create.");
        if (KindSuggestions.Problem(kind, mapping, State.Upload!.Columns.Count) is { } problem) throw new DomainException(DomainErrorKind.Invalid, problem);
        return await kind.PrepareAsync(GrainFactory, Scope, mapping, mode);
    }

    private async Task<ImportReport> DryRunKindAsync(IImportKind kind, ConfigureImport command)
    {
        var rows = await PrepareKindAsync(kind, command.Mapping, command.Duplicates);
        using var file = await ImportFile.OpenAsync(blobs, BlobKey);
        var (counts, issues, issueCount) = (ImportCounts.Zero, new List<ImportIssue>(), 0L);
        for (var ended = false; !ended;)
        {
            var batch = await file.NextBatchAsync<ImportWrite>(BatchRows, rows.Plan, rows.PrepareAsync);
            counts = counts.Add(batch.Counts);
            issueCount += batch.Issues.Count;
            issues.AddRange(batch.Issues.Take(ImportState.MaxIssues - issues.Count));
            ended = batch.Ended;
        }
        return new ImportReport(counts, issues, issueCount);
    }

    private async Task RunKindBatchAsync(IImportKind kind)
    {
        try
        {
            if (_kindRun is null)
            {
                var rows = await PrepareKindAsync(kind, State.Start!.Mapping, State.Start.Duplicates);
                var file = await ImportFile.OpenAsync(blobs, BlobKey);
                await file.SkipAsync(State.RowsDone);
                _kindRun = (file, rows);
            }
            var batch = await _kindRun.Value.File.NextBatchAsync<ImportWrite>(BatchRows, _kindRun.Value.Rows.Plan, _kindRun.Value.Rows.PrepareAsync);
            var counts = batch.Counts;
            foreach (var refused in await WriteKindAsync(batch.Planned))
            {
                batch.Issues.Add(refused.Issue);
                counts = !refused.Write.Updates ? counts with { Created = counts.Created - 1, Invalid = counts.Invalid + 1 }
                    : State.Start!.Duplicates == DuplicateMode.Update ? counts with { Updated = counts.Updated - 1, Invalid = counts.Invalid + 1 }
                    : counts with { Merged = counts.Merged - 1, Invalid = counts.Invalid + 1 };
            }
            await CommitBatchAsync(batch.RowsRead, counts, batch.Issues, batch.Ended);
        }
        catch (Exception ex)
        {
            // As for customers: nothing past the committed offset counts; reopen from it and write the same ids again.
            logger.LogWarning(ex, "Import {ImportId} ({Kind}) failed a batch after row {RowsDone}; retrying", Key.ImportId, kind.Name, State.RowsDone);
            CloseFile();
            Continue(RetryAfterFailure);
        }
    }

    /// <summary>The writes a grain refused, each with the issue that reports it on its row.</summary>
    private async Task<List<(ImportWrite Write, ImportIssue Issue)>> WriteKindAsync(List<ImportWrite> writes)
    {
        var actor = State.Start!.By;
        var groups = writes.GroupBy(w => w.TargetId).Select(async group =>
        {
            var refused = new List<(ImportWrite, ImportIssue)>();
            foreach (var write in group)
            {
                try
                {
                    await write.WriteAsync(GrainFactory, actor);
                }
                catch (DomainException ex)
                {
                    refused.Add((write, new ImportIssue(write.Line, null, $"Not imported: {ex.Message}")));
                }
            }
            return refused;
        });
        return (await Task.WhenAll(groups)).SelectMany(r => r).ToList();
    }
}
