using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Grains.Projections;
using Crm.Grains.Tests.Customers;
using Crm.Silo.Infrastructure.CrmDirectory;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// The CRM's read models (the directory of customers and companies, the deal board) run on the projection runner: a new
/// activation resumes from the snapshot its predecessor saved plus the store's tail, and answers exactly what a fold of
/// every event would, the duplicate index (derived, not saved) included; a corrupt snapshot is rebuilt from the events.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrmReadModelSnapshotTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private ISnapshotStore Snapshots => new SqliteSnapshotStore(new EventStoreOptions { DataPath = cluster.DataPath });

    private CustomerKit Kit => new(cluster, workspaceId);

    private ICrmDirectoryGrain Directory => cluster.Grains.GetGrain<ICrmDirectoryGrain>(workspaceId);

    [Fact]
    public async Task Directory_AfterDeactivation_ResumesFromItsSnapshotWithTagsAndDuplicatesIntact()
    {
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example", "+44 20 7946 0000", tags: ["vip", "Beta"]);
        await Kit.SaveAsync("grace", "Grace Hopper", "grace@navy.example");
        Assert.Equal(2, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);

        var snapshot = await Snapshots.LoadAsync(ProjectionWakeList.KeyOf($"{ProjectionKinds.Directory}/{workspaceId}"));
        Assert.True(snapshot is { Position: > 0, Data.Length: > 0 }, "the deactivated directory saved a snapshot with its checkpoint");

        await Kit.SaveAsync("alan", "Alan Turing", "alan@bletchley.example");
        var all = await Directory.ListCustomersAsync(new CustomerQuery());
        var vip = await Directory.ListCustomersAsync(new CustomerQuery(Tag: "vip"));
        var byPhone = await Directory.FindDuplicatesAsync(new DuplicateProbe(null, "A. L.", null, "+442079460000", null));

        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], all.Items.Select(c => c.Name));
        Assert.Equal("ada", Assert.Single(vip.Items).CustomerId);
        Assert.Equal("ada", Assert.Single(byPhone).CustomerId);
    }

    [Fact]
    public async Task Directory_RowsWrittenPastItsSnapshot_AreNotFoldedTwiceOnReplay()
    {
        // The customer table is written page by page, the snapshot (its checkpoint) only now and then: after a crash
        // the fold replays events already in the rows, which must leave them as they are.
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example");
        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);
        var key = ProjectionWakeList.KeyOf($"{ProjectionKinds.Directory}/{workspaceId}");
        var early = await Snapshots.LoadAsync(key);
        Assert.NotNull(early);
        await Kit.SaveAsync("ada", "Ada King", "ada@engines.example", tags: ["vip"]);
        var before = Assert.Single((await Directory.ListCustomersAsync(new CustomerQuery())).Items);
        Assert.Equal(["vip"], before.Tags);
        await cluster.DeactivateAsync(Directory);
        // As after a crash that wrote the rows and not the later snapshot.
        await Snapshots.DeleteAsync(key);
        await Snapshots.SaveAsync(early);

        await Kit.SaveAsync("ada", "Ada King", "ada@engines.example", tags: ["vip", "beta"]);

        var after = Assert.Single((await Directory.ListCustomersAsync(new CustomerQuery())).Items);
        var own = await Kit.Customer("ada").GetDetailsAsync();

        Assert.True(own.Version > before.Version);
        Assert.Equal(own.Version, after.Version);
        Assert.Equal(["beta", "vip"], after.Tags!.Order());
    }

    [Fact]
    public async Task Directory_CustomerTableLostBesideItsSnapshot_IsFoldedAgainFromTheEvents()
    {
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example");
        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);
        // As when directory.db is deleted (or restored from another backup) and snapshots.db is not.
        await new SqliteCustomerTable(new EventStoreOptions { DataPath = cluster.DataPath }).ClearAsync(workspaceId, "another fold");

        var listed = await Directory.ListCustomersAsync(new CustomerQuery());

        Assert.Equal("Ada Lovelace", Assert.Single(listed.Items).Name);
    }

    [Fact]
    public async Task Directory_TableMarkedBehindItsSnapshot_IsFoldedAgain()
    {
        // As when directory.db is restored from an older backup of the same fold: its rows miss what came after.
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example");
        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);
        var table = new SqliteCustomerTable(new EventStoreOptions { DataPath = cluster.DataPath });
        var fold = (await table.GetFoldAsync(workspaceId))!;
        await table.ClearAsync(workspaceId, fold.FoldId);

        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
    }

    [Fact]
    public async Task Directory_SnapshotOfAnotherFold_IsDeletedSoTheNewFoldsSnapshotsAreKept()
    {
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example");
        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);
        var key = ProjectionWakeList.KeyOf($"{ProjectionKinds.Directory}/{workspaceId}");
        var saved = (await Snapshots.LoadAsync(key))!;
        // A snapshot of another fold, far ahead: were it only ignored, no save of the new fold could replace it.
        await Snapshots.SaveAsync(saved with { Position = long.MaxValue / 2 });
        await new SqliteCustomerTable(new EventStoreOptions { DataPath = cluster.DataPath }).ClearAsync(workspaceId, "another fold");

        Assert.Equal(1, (await Directory.ListCustomersAsync(new CustomerQuery())).Total);
        await cluster.DeactivateAsync(Directory);

        Assert.True((await Snapshots.LoadAsync(key))!.Position < long.MaxValue / 2, "the rebuilt fold saved its own snapshot");
    }

    [Fact]
    public async Task DealBoard_AfterDeactivation_ResumesFromItsSnapshotAndSeesLaterMoves()
    {
        var deal = cluster.Grains.GetGrain<IDealGrain>(GrainKeys.Scoped(workspaceId, "d-1"));
        await deal.CreateAsync(new CreateDeal("Engines", "sales", "lead", 1000, "EUR", null, "bob", [], null, CustomerKit.Actor));
        var board = cluster.Grains.GetGrain<IDealBoardGrain>(workspaceId);
        Assert.Single(await board.ListAsync(new DealQuery()));
        await cluster.DeactivateAsync(board);

        await deal.MoveAsync(new MoveDeal("proposal", null, CustomerKit.Actor));
        var listed = Assert.Single(await board.ListAsync(new DealQuery()));

        Assert.Equal(("proposal", 50, 1000m, "EUR"), (listed.StageId, listed.Probability, listed.Amount, listed.Currency));
    }

    [Fact]
    public async Task Directory_CorruptSnapshot_IsDiscardedAndRebuiltFromTheEvents()
    {
        await Kit.SaveAsync("ada", "Ada Lovelace", "ada@engines.example");
        var key = ProjectionWakeList.KeyOf($"{ProjectionKinds.Directory}/{workspaceId}");
        // Far past the head: were it believed, every event would be skipped.
        await Snapshots.SaveAsync(new Snapshot(key, 1, long.MaxValue / 2, System.Text.Encoding.UTF8.GetBytes("not an orleans payload")));

        var listed = await Directory.ListCustomersAsync(new CustomerQuery());

        Assert.Equal("Ada Lovelace", Assert.Single(listed.Items).Name);
    }
}
