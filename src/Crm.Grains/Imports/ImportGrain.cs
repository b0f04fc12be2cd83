using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.Imports.Events;
using Crm.Grains.Imports.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Imports;

/// <summary>
/// One CSV import of customers, companies or deals (the kinds beside it: ImportGrain.Kinds.cs). The run goes a batch per turn of a one-shot timer, so progress reads interleave with
/// it; each batch's customers are appended concurrently (the store group-commits them), then the batch's row offset and
/// counts are committed to this grain's stream. A restart reopens the file past that offset; a batch cut off halfway is
/// written again with the same customer and event ids, which the store recognizes, so no row is ever stored twice.
/// </summary>
public sealed partial class ImportGrain(
    IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, IBlobStore blobs, ILogger<ImportGrain> logger)
    : EventSourcedGrain<ImportState>(store, clock), IImportGrain, IRemindable
{
    private const int PreviewRows = 5;

    private (string WorkspaceId, string ImportId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    private string BlobKey => BlobKeys.Import(Key.WorkspaceId, Key.ImportId);

    protected override string StreamId => StreamIds.For(StreamIds.ImportCategory, Key.WorkspaceId, Key.ImportId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Status == ImportStatus.Running) Continue();
    }

    public async Task<ImportDetails> CreateAsync(CreateImport command)
    {
        if (State.Upload is not null) return Details();
        var kind = ImportKinds.Require(command.Kind);
        using var file = await ImportFile.OpenAsync(blobs, BlobKey);
        var preview = new List<IReadOnlyList<string>>();
        long total = 0, latin1 = 0, malformed = 0, firstLatin1 = 0;
        await foreach (var record in file.ScanAsync(keep: PreviewRows))
        {
            total++;
            if (preview.Count < PreviewRows) preview.Add(record.Cells);
            if (record.Latin1 && latin1++ == 0) firstLatin1 = record.Line;
            if (record.Error is not null || record.Cells.Length > file.Header.Cells.Length) malformed++;
        }
        if (total == 0) throw new DomainException(DomainErrorKind.Invalid, "The file has a header but no rows to import.");
        var notes = new List<string> { $"Columns separated by '{ImportFile.DelimiterName(file.Delimiter)}' (detected from the header)." };
        if (file.Bom) notes.Add("A UTF-8 byte order mark was skipped.");
        if (latin1 > 0) notes.Add($"{latin1:N0} row(s) are not valid UTF-8 and were read as Latin-1 (the first on line {firstLatin1}); check their accents.");
        if (malformed > 0) notes.Add($"{malformed:N0} row(s) are malformed (quotes or too many cells) and will not be imported; the dry run lists them.");
        var columns = file.Header.Cells;
        var suggested = kind?.Suggest(columns) ?? ColumnSuggestions.Suggest(columns, await AttributesAsync());
        await RaiseAsync(command.Actor, new ImportUploaded(command.Kind, command.FileName, BlobKey, ImportFile.DelimiterName(file.Delimiter),
            columns, suggested, preview, notes, total));
        return Details();
    }

    public async Task<ImportReport> DryRunAsync(ConfigureImport command)
    {
        RequireUploaded();
        if (Kind is { } kind) return await DryRunKindAsync(kind, command);
        var (mapper, planner) = await PrepareAsync(command.Mapping, command.Duplicates);
        using var file = await ImportFile.OpenAsync(blobs, BlobKey);
        var counts = ImportCounts.Zero;
        var issues = new List<ImportIssue>();
        long issueCount = 0;
        for (var ended = false; !ended;)
        {
            var batch = await file.NextBatchAsync(BatchRows, mapper, planner);
            counts = counts.Add(batch.Counts);
            issueCount += batch.Issues.Count;
            issues.AddRange(batch.Issues.Take(ImportState.MaxIssues - issues.Count));
            ended = batch.Ended;
        }
        return new ImportReport(counts, issues, issueCount);
    }

    public async Task<ImportDetails> StartAsync(ConfigureImport command)
    {
        RequireUploaded();
        if (State.Status != ImportStatus.Uploaded)
            throw new DomainException(DomainErrorKind.Conflict, "This import was started already; follow its progress, or upload the file again for a new one.");
        if (Kind is { } kind) await PrepareKindAsync(kind, command.Mapping, command.Duplicates);
        else await PrepareAsync(command.Mapping, command.Duplicates);
        await RaiseAsync(command.Actor, new ImportStarted(command.Mapping.ToList(), command.Duplicates));
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Continue();
        return Details();
    }

    public Task<ImportDetails> GetAsync()
    {
        RequireUploaded();
        return Task.FromResult(Details());
    }

    /// <summary>The mapper and planner for a mapping, after checking it against the header and the attribute schema.</summary>
    private async Task<(ImportRowMapper Mapper, ImportPlanner Planner)> PrepareAsync(IReadOnlyList<string>? mapping, DuplicateMode mode)
    {
        if (mapping is null) throw new DomainException(DomainErrorKind.Invalid, "Give a mapping: one target per column.");
        if (!Enum.IsDefined(mode)) throw new DomainException(DomainErrorKind.Invalid, "Duplicates are skip, update, merge or create.");
        var attributes = await AttributesAsync();
        var columns = State.Upload!.Columns;
        if (ImportTargets.Problem(mapping, columns.Count, attributes) is { } problem) throw new DomainException(DomainErrorKind.Invalid, problem);
        var directory = GrainFactory.GetGrain<ICrmDirectoryGrain>(Key.WorkspaceId);
        // Every customer stored before the import is folded into the directory from here on; the batches then look up
        // what it holds without waiting for it to fold the import's own rows, which the planner remembers itself.
        await directory.CatchUpAsync();
        ImportPlanner.StoredLookup lookUp = directory.FindContactsAsync;
        return (new ImportRowMapper(columns, mapping, attributes), new ImportPlanner(new ImportDuplicates(Key.ImportId), mode, lookUp));
    }

    private async Task<IReadOnlyList<AttributeDefinition>> AttributesAsync() =>
        (await GrainFactory.GetGrain<IAttributeSchemaGrain>(Key.WorkspaceId).GetAsync()).For(AttributeTarget.Customer);

    private void RequireUploaded()
    {
        if (State.Upload is null) throw new DomainException(DomainErrorKind.NotFound, "There is no such import.");
    }

    private ImportDetails Details() => State.ToDetails(Key.ImportId);
}
