using System.Buffers;
using Crm.Grains.Projections;
using Crm.Grains.Abstractions.Snapshots;
using Xunit;

namespace Crm.Silo.Tests.Snapshots;

/// <summary>What every snapshot store does: save and load by key, never move a snapshot back, replace one of another schema, list by prefix, delete.</summary>
public abstract class SnapshotStoreContractTests : IAsyncLifetime
{
    private ISnapshotStore? store;

    protected ISnapshotStore Store => store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();
    }

    protected abstract Task<ISnapshotStore> CreateStoreAsync();

    [Fact]
    public async Task Save_ThenLoad_ReturnsTheSameSnapshot()
    {
        await Store.SaveAsync(new Snapshot("projection/inbox/a", 1, 42, [1, 2, 3]));
        var loaded = await Store.LoadAsync("projection/inbox/a");
        Assert.NotNull(loaded);
        Assert.Equal((1, 42L), (loaded.SchemaVersion, loaded.Position));
        Assert.Equal([1, 2, 3], loaded.Data.ToArray());
        Assert.Null(await Store.LoadAsync("projection/inbox/b"));
    }

    [Fact]
    public async Task Save_OlderPositionSameSchema_KeepsTheNewerOne()
    {
        await Store.SaveAsync(new Snapshot("k", 1, 100, [1]));
        await Store.SaveAsync(new Snapshot("k", 1, 50, [2]));
        Assert.Equal(100, (await Store.LoadAsync("k"))!.Position);
        await Store.SaveAsync(new Snapshot("k", 1, 100, [3]));
        Assert.Equal([3], (await Store.LoadAsync("k"))!.Data.ToArray());
    }

    [Fact]
    public async Task Save_ManyChunks_LoadsByteForByteAndAnOlderOneDoesNotReplaceIt()
    {
        // Over three chunks of the serializer's buffer, as a large directory's snapshot is written.
        var bytes = Enumerable.Range(0, 3_500_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        using var buffer = new ChunkedBuffer();
        foreach (var part in bytes.Chunk(300_000))
        {
            part.CopyTo(buffer.GetSpan(part.Length));
            buffer.Advance(part.Length);
        }
        Assert.False(buffer.AsSequence().IsSingleSegment);

        await Store.SaveAsync(new Snapshot("projection/directory/big", 1, 500, buffer.AsSequence()));
        await Store.SaveAsync(new Snapshot("projection/directory/big", 1, 499, [0xFF, 0xFF, 0xFF])); // would land in the kept row

        var loaded = await Store.LoadAsync("projection/directory/big");
        Assert.Equal(500, loaded!.Position);
        Assert.True(bytes.AsSpan().SequenceEqual(loaded.Data.ToArray()));
    }

    [Fact]
    public async Task Save_OtherSchema_ReplacesEvenAnOlderPosition()
    {
        await Store.SaveAsync(new Snapshot("k", 1, 1_000, [1]));
        await Store.SaveAsync(new Snapshot("k", 2, 10, [2]));
        var loaded = await Store.LoadAsync("k");
        Assert.Equal((2, 10L), (loaded!.SchemaVersion, loaded.Position));
    }

    [Fact]
    public async Task ListKeys_ByPrefix_LiteralAndOrdered_AndDeleteRemoves()
    {
        foreach (var key in new[] { "projection/router/b", "projection/inbox/a", "stream/x", "projection_x" })
            await Store.SaveAsync(new Snapshot(key, 0, 0, []));
        Assert.Equal(["projection/inbox/a", "projection/router/b"], await Store.ListKeysAsync("projection/"));
        await Store.DeleteAsync("projection/inbox/a");
        Assert.Equal(["projection/router/b"], await Store.ListKeysAsync("projection/"));
    }
}
