using Crm.Grains.Abstractions.Blobs;
using Crm.Silo.Infrastructure.Blobs;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

/// <summary>The contract on the folder store, each test in its own temp folder, plus what only a folder can show.</summary>
public sealed class FolderBlobStoreTests : BlobStoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-blobs-{Guid.NewGuid():N}");

    private FolderBlobStore Folder => (FolderBlobStore)Store;

    [Fact]
    public async Task PutAsync_Key_WritesOneFileAtTheKeysPathAndLeavesNoTempFile()
    {
        var key = BlobKeys.Attachment("ws1", "a1", "Photo 1.PNG");

        await Store.PutAsync(key, Bytes("png"), "image/png");

        Assert.Equal("ws1/attachments/a1/photo-1.png", key);
        Assert.Equal([Path.Combine(folder, "ws1", "attachments", "a1", "photo-1.png")], Directory.GetFiles(Path.Combine(folder, "ws1"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, FolderBlobStore.TempFolderName)));
    }

    [Fact]
    public async Task PutAsync_StreamBreaksOffMidway_LeavesNoTempFileAndNoNewBlob()
    {
        var key = BlobKeys.Attachment("ws1", "a2", "big.pdf");

        await Assert.ThrowsAsync<IOException>(
            () => Store.PutAsync(key, new NonSeekableStream(RandomBytes(2 * 1024 * 1024), failAfter: 1024 * 1024), "application/pdf"));

        Assert.False(await Store.ExistsAsync(key));
        Assert.False(Directory.Exists(Path.Combine(folder, "ws1")), "nothing is visible under the workspace");
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, FolderBlobStore.TempFolderName)));
    }

    [Fact]
    public async Task PutAsync_WhileAReaderHasTheOldBlobOpen_ReaderKeepsTheOldBytes()
    {
        var key = BlobKeys.Attachment("ws1", "a3", "notes.txt");
        await Store.PutAsync(key, Bytes("old"), "text/plain");
        await using var reader = await Store.OpenReadAsync(key);

        await Store.PutAsync(key, Bytes("new!"), "text/plain");

        Assert.NotNull(reader);
        Assert.Equal("old", await ReadTextAsync(reader));
        await using var fresh = await Store.OpenReadAsync(key);
        Assert.Equal("new!", await ReadTextAsync(fresh!));
    }

    [Fact]
    public async Task OpenReadAsync_Stream_HidesTheHeaderFromPositionLengthAndSeek()
    {
        var key = BlobKeys.Attachment("ws1", "a4", "abc.txt");
        await Store.PutAsync(key, Bytes("abcdef"), "text/plain");

        await using var blob = await Store.OpenReadAsync(key);

        Assert.NotNull(blob);
        Assert.Equal(0, blob.Stream.Position);
        Assert.Equal(6, blob.Stream.Length);
        blob.Stream.Seek(-2, SeekOrigin.End);
        Assert.Equal("ef", await ReadTextAsync(blob));
        blob.Stream.Position = 1;
        Assert.Equal('b', (char)blob.Stream.ReadByte());
    }

    [Fact]
    public async Task DeleteAsync_LastBlobOfAnAttachment_RemovesItsEmptyFoldersButKeepsTheRoot()
    {
        var key = BlobKeys.Attachment("ws1", "a5", "x.txt");
        await Store.PutAsync(key, Bytes("x"), "text/plain");

        await Store.DeleteAsync(key);

        Assert.False(Directory.Exists(Path.Combine(folder, "ws1")));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void Constructor_StaleTempFileFromACrashedWrite_DeletesItButKeepsAFreshOne()
    {
        var temp = Path.Combine(folder, FolderBlobStore.TempFolderName);
        var stale = Path.Combine(temp, "stale.part");
        var fresh = Path.Combine(temp, "fresh.part");
        File.WriteAllText(stale, "half a blob");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        File.WriteAllText(fresh, "a write in flight");

        _ = new FolderBlobStore(folder);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh), "a recent temp file may belong to a write still in progress");
    }

    [Fact]
    public async Task OpenReadAsync_FileNotWrittenByTheStore_ThrowsInvalidDataNamingTheFile()
    {
        var path = Path.Combine(folder, "ws1", "attachments", "a6", "foreign.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "copied in by hand");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.OpenReadAsync("ws1/attachments/a6/foreign.txt"));

        Assert.Contains(path, error.Message);
    }

    protected override Task<IBlobStore> OpenStoreAsync() => Task.FromResult<IBlobStore>(new FolderBlobStore(folder));

    protected override Task DeleteStorageAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
