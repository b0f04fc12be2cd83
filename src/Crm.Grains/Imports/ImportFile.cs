using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>
/// An uploaded file read for an import: opened at its header, optionally past the rows a run already committed, then
/// read batch by batch through the mapper and the planner. Used by the upload's scan, the dry run and the run.
/// </summary>
public sealed class ImportFile : IDisposable
{
    public const int MaxColumns = 200;

    private readonly CsvRowReader _reader;

    private ImportFile(CsvRowReader reader, byte delimiter, bool bom, CsvRecord header)
    {
        _reader = reader;
        Delimiter = delimiter;
        Bom = bom;
        Header = header;
    }

    public byte Delimiter { get; }

    public bool Bom { get; }

    public CsvRecord Header { get; }

    /// <summary>Opens the blob at its first data row; a missing file, an empty one or a broken header is refused.</summary>
    public static async Task<ImportFile> OpenAsync(IBlobStore blobs, string blobKey)
    {
        var blob = await blobs.OpenReadAsync(blobKey) ?? throw new DomainException(DomainErrorKind.NotFound, "The uploaded file is gone; upload it again.");
        var stream = blob.Stream;
        try
        {
            var head = new byte[64 * 1024];
            var length = 0;
            for (int read; length < head.Length && (read = await stream.ReadAsync(head.AsMemory(length))) > 0;) length += read;
            var delimiter = CsvRowReader.DetectDelimiter(head.AsSpan(0, length));
            var reader = new CsvRowReader(new PrefixedStream(head, length, stream), delimiter);
            var bom = reader.SkipBom();
            await reader.ReadAheadAsync();
            if (!reader.TryRead(out var header))
            {
                reader.Dispose();
                throw new DomainException(DomainErrorKind.Invalid, "The file is empty: the first line should name the columns.");
            }
            var problem = header.Error is { } e ? $"The header row is malformed (column {header.ErrorColumn}): {e}."
                : header.Cells.Length > MaxColumns ? $"The file has {header.Cells.Length} columns; at most {MaxColumns} are imported. Remove the ones you do not need."
                : null;
            if (problem is not null)
            {
                reader.Dispose();
                throw new DomainException(DomainErrorKind.Invalid, problem);
            }
            return new ImportFile(reader, delimiter, bom, header with { Cells = header.Cells.Select(c => c.Trim()).ToArray() });
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public static string DelimiterName(byte delimiter) => delimiter switch { (byte)';' => ";", (byte)'\t' => "tab", _ => "," };

    /// <summary>The next record, read ahead asynchronously first so parsing does not wait on I/O.</summary>
    public async Task<CsvRecord?> NextAsync()
    {
        await _reader.ReadAheadAsync();
        return _reader.TryRead(out var record) ? record : null;
    }

    /// <summary>Passes over <paramref name="rows"/> data rows (those a resumed run already committed) without decoding them.</summary>
    public async Task SkipAsync(long rows)
    {
        _reader.DecodeCells = false;
        for (long i = 0; i < rows && await NextAsync() is not null; i++)
        {
        }
        _reader.DecodeCells = true;
    }

    /// <summary>The remaining records' shapes (cell count, encoding, errors) with empty cells, for a scan; the first <paramref name="keep"/> whole.</summary>
    public async IAsyncEnumerable<CsvRecord> ScanAsync(int keep)
    {
        for (var i = 0; ; i++)
        {
            _reader.DecodeCells = i < keep;
            if (await NextAsync() is not { } record) yield break;
            yield return record;
        }
    }

    /// <summary>
    /// Up to <paramref name="maxRows"/> customer rows, mapped, then planned in file order: in between, the stored
    /// customers the valid rows may repeat are looked up in one call.
    /// </summary>
    public async Task<ImportBatch<PlannedRow>> NextBatchAsync(int maxRows, ImportRowMapper mapper, ImportPlanner planner)
    {
        var mapped = await NextBatchAsync(maxRows, (CsvRecord record, List<ImportIssue> issues, ref ImportCounts counts) =>
        {
            if (mapper.Map(record, issues) is { } candidate) return candidate;
            counts = counts with { Rows = counts.Rows + 1, Invalid = counts.Invalid + 1 };
            return null;
        });
        await planner.LookUpStoredAsync(mapped.Planned);
        var counts = mapped.Counts;
        var planned = new List<PlannedRow>(mapped.Planned.Count);
        foreach (var candidate in mapped.Planned) planned.Add(planner.Plan(candidate, ref counts));
        return new ImportBatch<PlannedRow>(planned, counts, mapped.Issues, mapped.RowsRead, mapped.Ended);
    }

    /// <summary>
    /// Up to <paramref name="maxRows"/> data rows decided in file order by <paramref name="decide"/> (which counts
    /// each), after <paramref name="prepare"/> has seen them all (to look up in one call what they refer to).
    /// </summary>
    public async Task<ImportBatch<T>> NextBatchAsync<T>(int maxRows, RowDecider<T> decide, Func<IReadOnlyList<CsvRecord>, Task>? prepare = null) where T : class
    {
        var records = new List<CsvRecord>(maxRows);
        var ended = false;
        while (records.Count < maxRows && !ended)
        {
            if (await NextAsync() is { } record) records.Add(record);
            else ended = true;
        }
        if (prepare is not null) await prepare(records);
        var planned = new List<T>(records.Count);
        var issues = new List<ImportIssue>();
        var counts = ImportCounts.Zero;
        foreach (var record in records)
            if (decide(record, issues, ref counts) is { } item) planned.Add(item);
        return new ImportBatch<T>(planned, counts, issues, records.Count, ended);
    }

    public void Dispose() => _reader.Dispose();
}
