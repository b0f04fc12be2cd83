using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Abstractions.Blobs;
using Xunit;

namespace Crm.Silo.Tests.Blobs;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> must have, run against each provider by a subclass.
/// Every test gets fresh storage (a temp folder or a new container), so no test sees another's blobs.
/// </summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    private IBlobStore? store;

    protected IBlobStore Store => store ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync() => store = await OpenStoreAsync();

    public Task DisposeAsync() => DeleteStorageAsync();

    [Fact]
    public async Task PutAsync_NewKey_OpenReadReturnsBytesContentTypeAndLength()
    {
        var key = BlobKeys.Attachment("ws1", "a1", "hello.txt");

        await Store.PutAsync(key, Bytes("hello, blob"), "text/plain");

        await using var blob = await Store.OpenReadAsync(key);
        Assert.NotNull(blob);
        Assert.Equal("text/plain", blob.ContentType);
        Assert.Equal(11, blob.Length);
        Assert.Equal("hello, blob", await ReadTextAsync(blob));
        Assert.True(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task PutAsync_ExistingKey_ReplacesBytesAndContentType()
    {
        var key = BlobKeys.Attachment("ws1", "a2", "report.csv");
        await Store.PutAsync(key, Bytes("a much longer first version"), "text/plain");

        await Store.PutAsync(key, Bytes("a,b\n1,2\n"), "text/csv");

        await using var blob = await Store.OpenReadAsync(key);
        Assert.NotNull(blob);
        Assert.Equal("text/csv", blob.ContentType);
        Assert.Equal(8, blob.Length);
        Assert.Equal("a,b\n1,2\n", await ReadTextAsync(blob));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ReturnsNullAndExistsAndDeleteSayNo()
    {
        var key = BlobKeys.Attachment("ws1", "missing", "nothing.pdf");

        Assert.Null(await Store.OpenReadAsync(key));
        Assert.False(await Store.ExistsAsync(key));
        Assert.False(await Store.DeleteAsync(key));
    }

    [Fact]
    public async Task DeleteAsync_StoredBlob_RemovesOnlyThatBlobAndReturnsTrueOnce()
    {
        var key = BlobKeys.Attachment("ws1", "a3", "photo.png");
        var sibling = BlobKeys.Attachment("ws1", "a4", "photo.png");
        await Store.PutAsync(key, Bytes("png bytes"), "image/png");
        await Store.PutAsync(sibling, Bytes("other png"), "image/png");

        Assert.True(await Store.DeleteAsync(key));

        Assert.False(await Store.ExistsAsync(key));
        Assert.Null(await Store.OpenReadAsync(key));
        Assert.False(await Store.DeleteAsync(key));
        Assert.True(await Store.ExistsAsync(sibling), "deleting one blob leaves its neighbours");
    }

    [Fact]
    public async Task PutAsync_SameAttachmentIdAndNameInTwoWorkspaces_BlobsStayApart()
    {
        var first = BlobKeys.Attachment("ws1", "same-id", "contract.pdf");
        var second = BlobKeys.Attachment("ws2", "same-id", "contract.pdf");

        await Store.PutAsync(first, Bytes("workspace one"), "application/pdf");
        await Store.PutAsync(second, Bytes("workspace two"), "application/pdf");
        Assert.True(await Store.DeleteAsync(second));

        Assert.NotEqual(first, second);
        Assert.StartsWith(BlobKeys.WorkspacePrefix("ws1"), first);
        Assert.StartsWith(BlobKeys.WorkspacePrefix("ws2"), second);
        await using var blob = await Store.OpenReadAsync(first);
        Assert.NotNull(blob);
        Assert.Equal("workspace one", await ReadTextAsync(blob));
        Assert.False(await Store.ExistsAsync(second));
    }

    [Theory]
    [InlineData("ws1/../ws2/attachments/a1/x.txt")]
    [InlineData("ws1/attachments/../../etc/passwd")]
    [InlineData("../ws1/attachments/a1/x.txt")]
    [InlineData("/ws1/attachments/a1/x.txt")]
    [InlineData("ws1/attachments/a1/..")]
    [InlineData("ws1\\..\\..\\x.txt")]
    [InlineData("ws1//x.txt")]
    public async Task AnyMethod_KeyThatCouldEscape_ThrowsArgumentExceptionAndStoresNothing(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("evil"), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));

        Assert.Null(await Store.OpenReadAsync("ws2/attachments/a1/x.txt"));
        Assert.Null(await Store.OpenReadAsync("ws1/attachments/a1/x.txt"));
    }

    [Fact]
    public async Task PutAsync_InvalidContentType_ThrowsArgumentException()
    {
        var key = BlobKeys.Attachment("ws1", "a5", "x.txt");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("x"), ""));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("x"), "text/plain\r\nX-Injected: 1"));

        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task PutAsync_5MbForwardOnlyStream_RoundTripsByteForByte()
    {
        var key = BlobKeys.Attachment("ws1", "big", "scan.pdf");
        var data = RandomBytes(5 * 1024 * 1024);

        await Store.PutAsync(key, new NonSeekableStream(data), "application/pdf");

        await using var blob = await Store.OpenReadAsync(key);
        Assert.NotNull(blob);
        Assert.Equal(data.Length, blob.Length);
        Assert.Equal("application/pdf", blob.ContentType);
        Assert.Equal(SHA256.HashData(data), await SHA256.HashDataAsync(blob.Stream));
    }

    [Fact]
    public async Task PutAsync_StreamBreaksOffMidway_PreviousBlobStaysWhole()
    {
        var key = BlobKeys.Attachment("ws1", "a6", "notes.txt");
        await Store.PutAsync(key, Bytes("the complete first version"), "text/plain");
        var replacement = RandomBytes(3 * 1024 * 1024);

        await Assert.ThrowsAnyAsync<IOException>(
            () => Store.PutAsync(key, new NonSeekableStream(replacement, failAfter: 1024 * 1024), "application/octet-stream"));

        await using var blob = await Store.OpenReadAsync(key);
        Assert.NotNull(blob);
        Assert.Equal("text/plain", blob.ContentType);
        Assert.Equal("the complete first version", await ReadTextAsync(blob));
    }

    /// <summary>Creates empty storage for one test and opens a store on it.</summary>
    protected abstract Task<IBlobStore> OpenStoreAsync();

    protected abstract Task DeleteStorageAsync();

    protected static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    protected static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    protected static async Task<string> ReadTextAsync(BlobContent blob)
    {
        using var reader = new StreamReader(blob.Stream, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }
}
