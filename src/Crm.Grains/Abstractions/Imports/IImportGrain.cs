namespace Crm.Grains.Abstractions.Imports;

/// <summary>
/// One CSV import (key: <c>GrainKeys.Scoped(workspaceId, importId)</c>). Upload, then a dry run as often as wanted, then
/// one start; the run writes every row as customer events in batches, keeps its committed row offset in its own stream
/// and, after a restart, continues from there (woken by its reminder, or at once by anyone reading it).
/// </summary>
public interface IImportGrain : IGrainWithStringKey
{
    /// <summary>Reads the uploaded file: columns, suggested mapping, preview, row count. Refuses an unreadable file.</summary>
    /// <remarks>Reads the whole file once: a million rows outlast the default 30 s call timeout on a loaded machine.</remarks>
    [ResponseTimeout("00:10:00")]
    Task<ImportDetails> CreateAsync(CreateImport command);

    /// <summary>Validates every row and decides its duplicates exactly as a start would, writing nothing.</summary>
    [ResponseTimeout("00:10:00")]
    Task<ImportReport> DryRunAsync(ConfigureImport command);

    /// <summary>Starts the import in the background; a second start of a running or finished import is refused.</summary>
    Task<ImportDetails> StartAsync(ConfigureImport command);

    /// <summary>The import with its progress and report so far.</summary>
    Task<ImportDetails> GetAsync();
}
