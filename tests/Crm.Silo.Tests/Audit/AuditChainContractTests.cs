using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;
using Xunit;

namespace Crm.Silo.Tests.Audit;

/// <summary>
/// The audit hash chain, run against each provider by a subclass: appends chain per workspace, and every kind of
/// tampering with the stored rows (edit, delete, swap, strip, truncate) is found by the verifier where it happened.
/// </summary>
public abstract class AuditChainContractTests : IAsyncLifetime
{
    // Odd ticks and a non-UTC offset: the hash must cover exactly what the database keeps (UTC microseconds).
    private static readonly DateTimeOffset Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    private IEventStore? store;

    protected IEventStore Store => store ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        await BeforeFirstOpenAsync();
        store = OpenStore();
    }

    public async Task DisposeAsync()
    {
        await CloseStoreAsync();
        await DeleteStorageAsync();
    }

    [Fact]
    public async Task Verify_EmptyStore_HoldsWithNothingChecked()
    {
        await Store.GetHeadPositionAsync();

        var report = await VerifyAsync();

        Assert.True(report.Holds);
        Assert.Equal(0, report.EventsChecked);
        Assert.Empty(report.Workspaces);
    }

    [Fact]
    public async Task Verify_ConcurrentAppendsFromManyStreamsInSeveralWorkspaces_ChainHoldsWithEveryEventChecked()
    {
        string[] workspaces = ["acme", "globex", "initech"];
        var appends = workspaces
            .SelectMany(ws => Enumerable.Range(0, 20).Select(n => $"{ws}/conversation/{n}"))
            .Select(async stream =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await Store.AppendAsync(stream, ExpectedVersion.Any, i % 2 == 0 ? [NewEvent()] : [NewEvent(), NewEvent()]);
                }
            });
        await Task.WhenAll(appends);

        var report = await VerifyAsync();

        Assert.True(report.Holds, Describe(report));
        Assert.Equal(workspaces, report.Workspaces.Select(w => w.Workspace));
        Assert.All(report.Workspaces, w => Assert.Equal(20 * (3 + 2 * 2), w.EventsChecked));
        Assert.Equal(await Store.GetHeadPositionAsync(), report.EventsChecked);
    }

    [Fact]
    public async Task Verify_TwoStoresOnOneDatabaseAppendingAtOnce_ChainHolds()
    {
        // As two processes (or silos) would: each store learns the other's chain heads from the database under the lock.
        await using var other = (IAsyncDisposable)OpenStore();
        var second = (IEventStore)other;
        var appends = Enumerable.Range(0, 10).SelectMany(n => new[]
        {
            AppendManyAsync(Store, $"acme/ticket/first-{n}"),
            AppendManyAsync(second, $"acme/ticket/second-{n}"),
            AppendManyAsync(second, $"globex/ticket/second-{n}"),
        });
        await Task.WhenAll(appends);

        var report = await VerifyAsync();

        Assert.True(report.Holds, Describe(report));
        Assert.Equal(30 * 5, report.EventsChecked);
    }

    [Fact]
    public async Task Verify_ReopenedStore_ContinuesTheChainFromTheStoredHead()
    {
        await Store.AppendAsync("acme/deal/1", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);
        await CloseStoreAsync();
        store = OpenStore();

        await Store.AppendAsync("acme/deal/1", 2, [NewEvent()]);

        var report = await VerifyAsync();
        Assert.True(report.Holds, Describe(report));
        Assert.Equal(3, report.EventsChecked);
    }

    [Fact]
    public async Task Verify_RowDataEdited_BrokenAtThatPositionAsContentChanged()
    {
        await AppendSampleAsync();
        var target = (await Store.ReadStreamAsync("acme/conversation/2"))[1];

        await ExecuteAsync("UPDATE events SET data = @data WHERE position = @position", ("data", "{\"body\":\"edited\"}"), ("position", target.Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(AuditBreakKind.RowContentChanged, broken.Kind);
        Assert.Equal(target.Position, broken.Position);
        Assert.Equal("acme/conversation/2", broken.StreamId);
        Assert.Equal(2, broken.Version);
    }

    [Fact]
    public async Task Verify_RowDeleted_BrokenAtTheWorkspacesNextRowAsLinkBroken()
    {
        await AppendSampleAsync();
        var acme = await ReadWorkspaceAsync("acme");
        var deleted = acme[3];
        var next = acme[4];

        await ExecuteAsync("DELETE FROM events WHERE position = @position", ("position", deleted.Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(AuditBreakKind.LinkBroken, broken.Kind);
        Assert.Equal(next.Position, broken.Position);
        Assert.Equal(next.StreamId, broken.StreamId);
        Assert.Equal(next.Version, broken.Version);
    }

    [Fact]
    public async Task Verify_TwoRowsDataSwapped_BrokenAtTheFirstOfThemAsContentChanged()
    {
        await AppendSampleAsync();
        var acme = await ReadWorkspaceAsync("acme");
        var (a, b) = (acme[1], acme[5]);

        await ExecuteAsync("UPDATE events SET data = @data WHERE position = @position", ("data", b.Data), ("position", a.Position));
        await ExecuteAsync("UPDATE events SET data = @data WHERE position = @position", ("data", a.Data), ("position", b.Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(AuditBreakKind.RowContentChanged, broken.Kind);
        Assert.Equal(a.Position, broken.Position);
    }

    [Fact]
    public async Task Verify_WholeRowsIncludingHashesSwappedBetweenPositions_Detected()
    {
        // Moving rows with their hashes still breaks the chain: the hash covers the position, and the links no longer follow.
        await AppendSampleAsync();
        var acme = await ReadWorkspaceAsync("acme");
        var (a, b) = (acme[2], acme[3]);

        await AllowPositionUpdatesAsync();
        await ExecuteAsync("UPDATE events SET position = -1 WHERE position = @position", ("position", a.Position));
        await ExecuteAsync("UPDATE events SET position = @to WHERE position = @from", ("to", a.Position), ("from", b.Position));
        await ExecuteAsync("UPDATE events SET position = @to WHERE position = -1", ("to", b.Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(a.Position, broken.Position);
    }

    [Fact]
    public async Task Verify_HashStripped_BrokenAsHashMissing()
    {
        await AppendSampleAsync();
        var target = (await ReadWorkspaceAsync("acme"))[2];

        await ExecuteAsync("UPDATE events SET hash = NULL, prev_hash = NULL WHERE position = @position", ("position", target.Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(AuditBreakKind.HashMissing, broken.Kind);
        Assert.Equal(target.Position, broken.Position);
    }

    [Fact]
    public async Task Verify_LastRowsOfAWorkspaceDeleted_BrokenAsTruncated()
    {
        await AppendSampleAsync();
        var acme = await ReadWorkspaceAsync("acme");

        await ExecuteAsync("DELETE FROM events WHERE position >= @position AND stream_id LIKE 'acme/%'", ("position", acme[^2].Position));

        var broken = AssertBrokenIn(await VerifyAsync(), "acme");
        Assert.Equal(AuditBreakKind.Truncated, broken.Kind);
        Assert.Equal(acme[^1].Position, broken.Position);
    }

    [Fact]
    public async Task Verify_OneWorkspaceTampered_OtherWorkspacesChainsStillHoldAndEachBeginsAtGenesis()
    {
        await AppendSampleAsync();
        var acme = await ReadWorkspaceAsync("acme");
        await ExecuteAsync("UPDATE events SET actor = 'mallory' WHERE position = @position", ("position", acme[0].Position));

        var report = await VerifyAsync();

        Assert.False(report.Holds);
        var globex = Assert.Single(report.Workspaces, w => w.Workspace == "globex");
        Assert.True(globex.Holds);
        Assert.Equal((await ReadWorkspaceAsync("globex")).Count, globex.EventsChecked);
        Assert.Equal(acme[0].Position, AssertBrokenIn(report, "acme").Position);

        // Each workspace's first event links to genesis, not to whatever another workspace wrote before it.
        await using var reader = await OpenReaderAsync();
        var firsts = new Dictionary<string, AuditRecord>();
        await foreach (var record in reader.ReadAllAsync())
        {
            firsts.TryAdd(AuditChain.WorkspaceOf(record.StreamId), record);
        }

        Assert.All(firsts.Values, r => Assert.Equal(AuditChain.Genesis, r.PrevHash));
        Assert.True(firsts["globex"].Position > firsts["acme"].Position, "globex began after acme had written");
    }

    [Fact]
    public async Task Verify_StoreCreatedBeforeTheChain_OldRowsCountedApartAndNewRowsChained()
    {
        // Start again from a database with the old schema and two old rows, then let the store upgrade it.
        await CloseStoreAsync();
        await DeleteStorageAsync();
        await CreateStorageAsync();
        await CreateLegacyStoreAsync();
        store = OpenStore();

        await Store.AppendAsync("acme/legacy/1", 2, [NewEvent()]);
        await Store.AppendAsync("globex/new/1", ExpectedVersion.NoStream, [NewEvent()]);

        var report = await VerifyAsync();
        Assert.True(report.Holds, Describe(report));
        Assert.Equal(2, report.EventsBeforeChain);
        Assert.Equal(2, report.EventsChecked);
        Assert.Equal(3, (await Store.ReadStreamAsync("acme/legacy/1")).Count);
    }

    protected static EventData NewEvent(string type = "MessagePosted", string? data = null) =>
        new(Guid.NewGuid(), type, data ?? $"{{\"body\":\"{Guid.NewGuid():N} – ünïcode ✓\"}}", "agent:alex", Time);

    protected abstract Task CreateStorageAsync();

    protected virtual Task BeforeFirstOpenAsync() => Task.CompletedTask;

    protected abstract IEventStore OpenStore();

    protected abstract Task DeleteStorageAsync();

    protected abstract Task<IAuditChainReader> OpenReaderAsync();

    protected abstract Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters);

    /// <summary>What an attacker with write access would do first where the schema forbids moving a row.</summary>
    protected virtual Task AllowPositionUpdatesAsync() => Task.CompletedTask;

    /// <summary>
    /// The old schema (no prev_hash/hash) with two events of "acme/legacy/1", as a database written before the chain.
    /// </summary>
    protected abstract Task CreateLegacyStoreAsync();

    private async Task CloseStoreAsync()
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        store = null;
    }

    private async Task<AuditReport> VerifyAsync()
    {
        await using var reader = await OpenReaderAsync();
        return await AuditVerifier.VerifyAsync(reader);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadWorkspaceAsync(string workspace) =>
        await Store.ReadAllAsync(0, int.MaxValue, workspace + "/");

    /// <summary>Two workspaces, interleaved in position order, several streams each.</summary>
    private async Task AppendSampleAsync()
    {
        for (var n = 1; n <= 3; n++)
        {
            await Store.AppendAsync($"acme/conversation/{n}", ExpectedVersion.NoStream, [NewEvent("ConversationOpened"), NewEvent()]);
            await Store.AppendAsync($"globex/conversation/{n}", ExpectedVersion.NoStream, [NewEvent("ConversationOpened")]);
            await Store.AppendAsync($"acme/conversation/{n}", 2, [NewEvent()]);
        }
    }

    private static async Task AppendManyAsync(IEventStore target, string stream)
    {
        for (var i = 0; i < 5; i++)
        {
            await target.AppendAsync(stream, i, [NewEvent()]);
        }
    }

    private static AuditBreak AssertBrokenIn(AuditReport report, string workspace)
    {
        Assert.False(report.Holds, "the chain should be broken");
        var result = Assert.Single(report.Workspaces, w => w.Workspace == workspace);
        Assert.True(result.Break is not null, Describe(report));
        Assert.All(report.Workspaces.Where(w => w.Workspace != workspace), w => Assert.True(w.Holds, Describe(report)));
        return result.Break!;
    }

    private static string Describe(AuditReport report) => string.Join(
        "; ",
        report.Workspaces.Select(w => $"{w.Workspace}: {w.EventsChecked} checked, {w.EventsBeforeChain} before, {(w.Break is { } b ? $"{b.Kind} at {b.Position}: {b.Detail}" : "holds")}"));
}
