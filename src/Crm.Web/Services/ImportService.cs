using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>
/// CSV imports for the console and the API: the upload goes to the blob store under a key built here from the caller's
/// workspace, then the import grain reads it; dry runs, the start and progress go to that grain.
/// </summary>
public sealed class ImportService(IGrainFactory grains, IBlobStore blobs, LiveFeedRelay feed)
{
    /// <summary>The largest file accepted: a million customers with a few columns fit with room to spare.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public async Task<ImportDetails> UploadAsync(WorkspaceUser user, string? kind, string fileName, Stream content, CancellationToken cancellationToken)
    {
        user.Require(CrmPolicies.Sell);
        var importId = Ids.New();
        var key = BlobKeys.Import(user.WorkspaceId, importId);
        await blobs.PutAsync(key, content, "text/csv", cancellationToken);
        try
        {
            return await Import(user, importId).CreateAsync(new CreateImport(kind ?? "customers", fileName, key, user.Actor));
        }
        catch (DomainException)
        {
            // Nothing is kept of a file that cannot be imported.
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    public Task<ImportReport> DryRunAsync(WorkspaceUser user, string importId, IReadOnlyList<string>? mapping, string? duplicates) =>
        Import(user, importId).DryRunAsync(Command(user, mapping, duplicates));

    public Task<ImportDetails> StartAsync(WorkspaceUser user, string importId, IReadOnlyList<string>? mapping, string? duplicates) =>
        Import(user, importId).StartAsync(Command(user, mapping, duplicates));

    public Task<ImportDetails> GetAsync(WorkspaceUser user, string importId) => Import(user, importId).GetAsync();

    /// <summary>
    /// The import's progress as each batch commits; <paramref name="reload"/> runs instead when the page fell behind the
    /// feed (or reconnected) and must read the import again. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(WorkspaceUser user, string importId, Func<ImportDetails, Task> onProgress, Func<Task> reload) =>
        feed.Subscribe(user.WorkspaceId, item => item is ImportFeedItem i && i.Import.ImportId == importId ? onProgress(i.Import) : Task.CompletedTask, reload);

    private static ConfigureImport Command(WorkspaceUser user, IReadOnlyList<string>? mapping, string? duplicates)
    {
        user.Require(CrmPolicies.Sell);
        if (mapping is null) throw new DomainException(DomainErrorKind.Invalid, "Give a mapping: one target per column (name, email, phone, company, tags, attr:{key} or ignore).");
        if (!Enum.TryParse<DuplicateMode>(duplicates ?? "skip", ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(duplicates, out _))
            throw new DomainException(DomainErrorKind.Invalid, $"'{duplicates}' is not a way to handle duplicates; use skip, update, merge or create.");
        return new ConfigureImport(mapping.Select(m => m?.Trim() ?? "ignore").ToList(), mode, user.Actor);
    }

    private IImportGrain Import(WorkspaceUser user, string importId) =>
        grains.GetGrain<IImportGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(importId, "import")));
}
