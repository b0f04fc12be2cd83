using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.EventStore.Schema;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>
/// Schema migrations: a store written by the build before versioned schemas (the DDL copied into each provider's test)
/// is upgraded on open, reruns change nothing, a cut-short migration is finished, and a newer schema is refused.
/// </summary>
public abstract partial class EventStoreContractTests
{
    private const long LegacyMicroseconds = 1_733_300_000_123_456;

    /// <summary>Rows as the build before schema versions wrote them: positions 1–7, with a valid audit chain.</summary>
    private static readonly (string Stream, long Version, string Type)[] LegacyRows =
    [
        ("acme/conversation/c1", 1, "MessagePosted"),
        ("globex/conversation/c9", 1, "MessagePosted"),
        ("acme/agent/a1", 1, "AgentWentOnline"),
        ("acme/conversation/c1", 2, "MessagePosted"),
        ("acme/loose", 1, "MessagePosted"),
        ("acme/a/b/c", 1, "MessagePosted"),
        ("acme/conversation/c1", 3, "ConversationClosed"),
    ];

    /// <summary>The options a tool (verify-audit) would open this test's storage with.</summary>
    protected abstract EventStoreOptions Options { get; }

    /// <summary>Today's main schema before versioning (copied, not shared: it must not change with the code).</summary>
    protected abstract string UnversionedSchemaSql { get; }

    /// <summary>Runs raw SQL on this test's storage, creating the SQLite file if need be.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Runs a query on this test's storage; each row's columns as objects (DBNull as null).</summary>
    protected abstract Task<List<object?[]>> QueryAsync(string sql);

    /// <summary>An insert of one event row at an explicit position, in the provider's dialect, before the new columns.</summary>
    protected abstract string LegacyInsertSql(long position, string streamId, long version, Guid eventId, string type, long timestampMicroseconds, string prevHash, string hash);

    /// <summary>What the provider needs after explicit positions (PostgreSQL: move the identity past them).</summary>
    protected virtual string AfterLegacyInsertsSql => string.Empty;

    /// <summary>Records a schema version the way a migration does.</summary>
    protected abstract string RecordSchemaVersionSql(int version);

    [Fact]
    public async Task Migrate_StoreWrittenBeforeSchemaVersions_FilteredReadsAndAuditChainHold()
    {
        await RecreateAsUnversionedStoreAsync();
        await OpenAndUseAsync();

        var conversations = await Store.ReadAsync(EventFilter.ForCategories(null, "conversation"), 0, 100);
        var acme = await Store.ReadAsync(new EventFilter([], [], "acme"), 0, 100);
        var closed = await Store.ReadAsync(new EventFilter(["conversation"], ["ConversationClosed"], "acme"), 0, 100);

        Assert.Equal([1L, 2L, 4L, 7L], conversations.Events.Select(e => e.Position));
        Assert.Equal([1L, 3L, 4L, 7L], acme.Events.Select(e => e.Position));
        Assert.Equal([7L], closed.Events.Select(e => e.Position));
        Assert.Equal([1L, 2L], await SchemaVersionsAsync());
        await AssertAuditChainHoldsAsync(LegacyRows.Length);

        // The chain goes on from the migrated heads, and new rows are found by the same filters.
        var appended = await Store.AppendAsync("acme/conversation/c1", 3, [NewEvent("MessagePosted")]);
        await AssertAuditChainHoldsAsync(LegacyRows.Length + 1);
        Assert.Equal(appended.LastPosition, (await Store.ReadAsync(EventFilter.ForCategories("acme", "conversation"), 7, 10)).Events.Single().Position);
    }

    [Fact]
    public async Task Migrate_OpenedAgain_ChangesNothing()
    {
        await RecreateAsUnversionedStoreAsync();
        await OpenAndUseAsync();
        var before = await QueryAsync("SELECT position, workspace, category FROM events ORDER BY position");

        await CloseStoreAsync();
        await OpenAndUseAsync();
        await CloseStoreAsync();
        await OpenAndUseAsync();

        Assert.Equal(before, await QueryAsync("SELECT position, workspace, category FROM events ORDER BY position"));
        Assert.Equal([1L, 2L], await SchemaVersionsAsync());
    }

    [Fact]
    public async Task Migrate_CutShortHalfwayThroughTheBackfill_FinishedByTheNextOpen()
    {
        // What a kill -9 leaves behind: migration 1 recorded, the columns added, the first rows backfilled, no indexes.
        await RecreateAsUnversionedStoreAsync();
        await ExecuteSqlAsync("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at " + SchemaVersionTimeType + " NOT NULL)");
        await ExecuteSqlAsync(RecordSchemaVersionSql(1));
        await ExecuteSqlAsync("ALTER TABLE events ADD COLUMN workspace TEXT");
        await ExecuteSqlAsync("ALTER TABLE events ADD COLUMN category TEXT");
        await ExecuteSqlAsync("UPDATE events SET workspace = 'acme', category = 'conversation' WHERE position = 1");
        await ExecuteSqlAsync("UPDATE events SET workspace = 'globex', category = 'conversation' WHERE position = 2");

        await OpenAndUseAsync();

        var columns = await QueryAsync("SELECT position, workspace, category FROM events ORDER BY position");
        Assert.Equal(
            [
                [1L, "acme", "conversation"], [2L, "globex", "conversation"], [3L, "acme", "agent"], [4L, "acme", "conversation"],
                [5L, "", ""], [6L, "", ""], [7L, "acme", "conversation"],
            ],
            columns.Select(row => new object?[] { Convert.ToInt64(row[0]), row[1], row[2] }).ToList());
        Assert.Equal([1L, 2L], await SchemaVersionsAsync());
        Assert.Equal([1L, 4L, 7L], (await Store.ReadAsync(EventFilter.ForCategories("acme", "conversation"), 0, 100)).Events.Select(e => e.Position));
    }

    [Fact]
    public async Task Open_SchemaNewerThanTheCode_RefusedNamingBothVersions()
    {
        await Store.GetHeadPositionAsync();
        await CloseStoreAsync();
        await ExecuteSqlAsync(RecordSchemaVersionSql(SchemaVersions.Latest + 7));

        var error = await Assert.ThrowsAsync<EventStoreSchemaTooNewException>(OpenAndUseAsync);

        Assert.Contains($"schema version {SchemaVersions.Latest + 7}", error.Message);
        Assert.Contains($"up to {SchemaVersions.Latest}", error.Message);
    }

    /// <summary>The column type of <c>schema_version.applied_at</c> in this provider.</summary>
    protected abstract string SchemaVersionTimeType { get; }

    private async Task RecreateAsUnversionedStoreAsync()
    {
        await CloseStoreAsync();
        await DeleteStorageAsync();
        await CreateStorageAsync();
        await ExecuteSqlAsync(UnversionedSchemaSql);

        var heads = new Dictionary<string, (long Position, string Hash)>(StringComparer.Ordinal);
        var inserts = new List<string>();
        for (var i = 0; i < LegacyRows.Length; i++)
        {
            var (stream, version, type) = LegacyRows[i];
            var position = i + 1L;
            var workspace = AuditChain.WorkspaceOf(stream);
            var prev = heads.TryGetValue(workspace, out var head) ? head.Hash : AuditChain.Genesis;
            var eventId = Guid.Parse($"00000000-0000-0000-0000-{position:D12}");
            var hash = AuditChain.Hash(prev, stream, version, eventId, type, "{}", "agent:7", LegacyMicroseconds + position, position);
            heads[workspace] = (position, hash);
            inserts.Add(LegacyInsertSql(position, stream, version, eventId, type, LegacyMicroseconds + position, prev, hash));
        }

        inserts.AddRange(heads.Select(h => $"INSERT INTO audit_heads (workspace, position, hash) VALUES ('{h.Key}', {h.Value.Position}, '{h.Value.Hash}')"));
        await ExecuteSqlAsync(string.Join(";\n", inserts) + ";\n" + AfterLegacyInsertsSql);
    }

    /// <summary>Opens a store and uses it once: SQLite migrates when opened, PostgreSQL at first use.</summary>
    private async Task OpenAndUseAsync()
    {
        var opened = OpenStore();
        try
        {
            await opened.GetHeadPositionAsync();
        }
        catch
        {
            await ((IAsyncDisposable)opened).DisposeAsync();
            throw;
        }

        store = opened;
    }

    private async Task<List<long>> SchemaVersionsAsync() =>
        (await QueryAsync("SELECT version FROM schema_version ORDER BY version")).Select(row => Convert.ToInt64(row[0])).ToList();

    private async Task AssertAuditChainHoldsAsync(int events)
    {
        await using var reader = await AuditChainReaders.OpenAsync(Options);
        var report = await AuditVerifier.VerifyAsync(reader);
        Assert.True(report.Holds, string.Join("; ", report.Workspaces.Where(w => !w.Holds).Select(w => $"{w.Workspace}: {w.Break!.Description}")));
        Assert.Equal(events, report.EventsChecked);
    }
}
