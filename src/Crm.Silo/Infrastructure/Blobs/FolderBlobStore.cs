using Crm.Grains.Abstractions.Blobs;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.Blobs;

/// <summary>
/// Blobs as files under one folder (<c>{Crm:DataPath}/blobs</c>): key "ws1/attachments/a1/photo.png" is the file
/// "ws1/attachments/a1/photo.png" there, holding a small header with the content type (<see cref="FolderBlobFile"/>) and the
/// bytes. A put writes and fsyncs a temp file in <c>.tmp/</c>, then renames it over the target: a crash leaves either the old
/// blob or the new one, and at worst an orphan temp file that the next start deletes.
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    public const string TempFolderName = ".tmp";

    /// <summary>A temp file this old belongs to a write that died with its process, not to one still in flight.</summary>
    private static readonly TimeSpan StaleTempAge = TimeSpan.FromHours(1);

    private const int BufferSize = 81_920;
    private const int MoveAttempts = 3;

    private readonly string tempFolder;
    private readonly ILogger<FolderBlobStore>? logger;

    public FolderBlobStore(string root, ILogger<FolderBlobStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        // Temp files live beside the blobs (same file system, so the rename is atomic) but under a name no key can take:
        // a key's first segment is a workspace id, which never starts with '.'.
        tempFolder = Path.Combine(Root, TempFolderName);
        this.logger = logger;
        Directory.CreateDirectory(tempFolder);
        DeleteStaleTempFiles();
    }

    /// <summary>The folder that holds every workspace's blobs, absolute.</summary>
    public string Root { get; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        BlobArguments.Put(key, content, contentType);
        var target = PathOf(key);
        var temp = Path.Combine(tempFolder, $"{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await file.WriteAsync(FolderBlobFile.Header(contentType), cancellationToken);
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
                // The bytes must be on disk before the rename makes them visible, or a power cut could publish an empty file.
                file.Flush(flushToDisk: true);
            }

            MoveIntoPlace(temp, target);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(BlobArguments.Key(key));
        FileStream file;
        try
        {
            // FileShare.Delete: an overwrite or delete may replace the file while it is read; this reader keeps the old bytes.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var contentType = await FolderBlobFile.ReadHeaderAsync(file, cancellationToken);
            var stream = new BlobSliceStream(file, file.Position);
            return new BlobContent(stream, contentType, stream.Length);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(BlobArguments.Key(key));
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        PruneEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(BlobArguments.Key(key));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(path));
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));

        // BlobKeys.Validate already refuses "..", absolute paths and separators other than '/'; this is the last line of
        // defence, so no future change to key rules can make the store write outside its folder.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' resolves outside the blob folder.", nameof(key));
        }

        return path;
    }

    private static void MoveIntoPlace(string temp, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temp, target, overwrite: true);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt < MoveAttempts)
            {
                // A concurrent delete pruned the folder between its creation and the rename: create it again.
            }
        }
    }

    /// <summary>Removes the folders a delete left empty (one per attachment), up to but not including the root.</summary>
    private void PruneEmptyFolders(string folder)
    {
        while (folder.Length > Root.Length && folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A concurrent put filled or removed the folder: it is no longer ours to prune.
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private void DeleteStaleTempFiles()
    {
        var cutoff = DateTime.UtcNow - StaleTempAge;
        foreach (var temp in Directory.EnumerateFiles(tempFolder, "*.part"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(temp) < cutoff)
                {
                    File.Delete(temp);
                    logger?.LogInformation("Deleted {TempFile}, left by a blob write that did not finish.", temp);
                }
            }
            catch (IOException exception)
            {
                logger?.LogWarning(exception, "Could not delete the stale blob temp file {TempFile}.", temp);
            }
        }
    }
}
