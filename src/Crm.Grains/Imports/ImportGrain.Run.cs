using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Imports.Events;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Imports;

/// <summary>The run: one batch per timer turn, customers written concurrently, then the offset committed.</summary>
public sealed partial class ImportGrain
{
    /// <summary>Rows per batch: five group commits of the store's 1,000 appends, and one offset commit.</summary>
    public const int BatchRows = 5_000;

    private const string ResumeReminder = "resume";
    private const int IssuesAnnounced = 200;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    private IGrainTimer? _timer;
    private (ImportFile File, ImportRowMapper Mapper, ImportPlanner Planner)? _run;

    /// <summary>The batch read ahead while the previous one committed; past the committed offset, so dropped on any failure.</summary>
    private ImportBatch<PlannedRow>? _read;

    /// <summary>The backstop after a restart when nobody reads the import: activating it is enough to continue.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Status != ImportStatus.Running) await StopReminderAsync();
    }

    private void Continue(TimeSpan? after = null)
    {
        var due = after ?? TimeSpan.Zero;
        if (_timer is null)
            _timer = this.RegisterGrainTimer(_ => RunBatchAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else
            _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private async Task RunBatchAsync()
    {
        if (State.Status != ImportStatus.Running) return;
        if (Kind is { } kind)
        {
            await RunKindBatchAsync(kind);
            return;
        }
        try
        {
            if (_run is null)
            {
                var (mapper, planner) = await PrepareAsync(State.Start!.Mapping, State.Start.Duplicates);
                var file = await ImportFile.OpenAsync(blobs, BlobKey);
                await file.SkipAsync(State.RowsDone);
                _run = (file, mapper, planner);
            }
            var run = _run.Value;
            var batch = _read ?? await run.File.NextBatchAsync(BatchRows, run.Mapper, run.Planner);
            _read = null;
            // The batch's appends are queued at once; the next batch is read and decided while they commit. Its rows that
            // name a customer of this batch go through that customer's grain, after this batch is awaited.
            var writing = WriteAsync(batch.Planned, batch.Issues, batch.Counts);
            var next = batch.Ended ? null : await run.File.NextBatchAsync(BatchRows, run.Mapper, run.Planner);
            var counts = await writing;
            _read = next;
            await CommitBatchAsync(batch.RowsRead, counts, batch.Issues, batch.Ended);
        }
        catch (Exception ex)
        {
            // Nothing past the committed offset counts: reopen from it and try again, writing the same ids.
            logger.LogWarning(ex, "Import {ImportId} failed a batch after row {RowsDone}; retrying", Key.ImportId, State.RowsDone);
            CloseFile();
            Continue(RetryAfterFailure);
        }
    }

    /// <summary>Commits a written batch's offset, counts and issues; then the next turn, or the import's completion.</summary>
    private async Task CommitBatchAsync(int rowsRead, ImportCounts counts, List<ImportIssue> issues, bool ended)
    {
        await RaiseAsync(State.Start!.By, new ImportBatchCommitted(State.RowsDone + rowsRead, counts,
            issues.Take(Math.Max(0, ImportState.MaxIssues - State.Issues.Count)).ToList(), issues.Count));
        if (!ended)
        {
            Announce();
            Continue();
            return;
        }
        await RaiseAsync(State.Start.By, new ImportCompleted());
        Announce();
        CloseFile();
        await StopReminderAsync();
    }

    /// <summary>
    /// Writes the batch's decisions and returns its counts as written: new customers appended concurrently with ids
    /// derived from their lines, duplicates of a row in this batch folded into it before writing, duplicates of stored
    /// customers saved through their grains (one save per customer however many rows name it). A row whose write is
    /// refused becomes an issue and counts as invalid; every write is one append, so nothing is half-written.
    /// </summary>
    private async Task<ImportCounts> WriteAsync(List<PlannedRow> planned, List<ImportIssue> issues, ImportCounts counts)
    {
        var created = new Dictionary<long, ImportCandidate>();
        var stored = new Dictionary<string, List<PlannedRow>>(StringComparer.Ordinal);
        foreach (var row in planned)
        {
            if (row.Create) created[row.Row.Line] = row.Row;
            else if (row.Mode is DuplicateMode.Skip) continue;
            else if (row.TargetLine is { } line && created.TryGetValue(line, out var target)) created[line] = ImportFold.Apply(target, row.Row, row.Mode!.Value);
            else (stored.TryGetValue(row.CustomerId, out var rows) ? rows : stored[row.CustomerId] = []).Add(row);
        }

        var actor = State.Start!.By;
        var at = Clock.GetUtcNow();
        var appends = created.Values.Select(async c =>
        {
            try
            {
                await Store.AppendAsync(StreamIds.For(StreamIds.CustomerCategory, Key.WorkspaceId, $"{Key.ImportId}-{c.Line}"), ExpectedVersion.NoStream,
                    CustomerEvents(c).Select((e, i) => EventSerializer.ToEventData(e with { At = at, By = actor }, ImportIds.EventId(Key.ImportId, State.CreatedAt, c.Line, i))).ToList());
                return null;
            }
            catch (WrongExpectedVersionException)
            {
                return new ImportIssue(c.Line, null, "Not imported: a different customer was stored under this row's id.");
            }
        }).ToList();
        var saves = stored.Select(async s =>
        {
            var mode = s.Value[0].Mode!.Value;
            try
            {
                var grain = GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Scoped(Key.WorkspaceId, s.Key));
                await grain.SaveAsync(ImportFold.Apply(await grain.GetDetailsAsync(), s.Value.Select(r => r.Row), mode, actor));
                return [];
            }
            catch (DomainException ex)
            {
                return s.Value.Select(r => new ImportIssue(r.Row.Line, null, $"Not {(mode == DuplicateMode.Update ? "updated" : "merged")} into {s.Key}: {ex.Message}")).ToList();
            }
        }).ToList();

        foreach (var issue in (await Task.WhenAll(appends)).OfType<ImportIssue>())
        {
            issues.Add(issue);
            counts = counts with { Created = counts.Created - 1, Invalid = counts.Invalid + 1 };
        }
        foreach (var failed in await Task.WhenAll(saves))
        foreach (var issue in failed)
        {
            issues.Add(issue);
            counts = planned.First(p => p.Row.Line == issue.Row).Mode == DuplicateMode.Update
                ? counts with { Updated = counts.Updated - 1, Invalid = counts.Invalid + 1 }
                : counts with { Merged = counts.Merged - 1, Invalid = counts.Invalid + 1 };
        }
        return counts;
    }

    /// <summary>The events a customer saved with these values would have: the profile, then tags and attributes when given.</summary>
    private static IEnumerable<DomainEvent> CustomerEvents(ImportCandidate c)
    {
        yield return new CustomerUpserted(c.Name, c.Email, c.Phone, c.CompanyName);
        if (c.Tags.Count > 0) yield return new CustomerTagsChanged(c.Tags.Order(StringComparer.Ordinal).ToList(), []);
        if (c.Attributes.Count > 0) yield return new CustomerAttributesChanged(new Dictionary<string, string>(c.Attributes), []);
    }

    /// <summary>One-way, after the commit: the import's page follows it. The first issues only; the page shows no more.</summary>
    private void Announce()
    {
        var details = Details();
        var shown = details with { Report = details.Report with { Issues = details.Report.Issues.Take(IssuesAnnounced).ToList() } };
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new ImportFeedItem(Key.WorkspaceId, shown)]);
    }

    private void CloseFile()
    {
        _run?.File.Dispose();
        _run = null;
        _kindRun?.File.Dispose();
        _kindRun = null;
        _read = null;
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        CloseFile();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
