using Crm.Grains.Abstractions.Directory;
using Xunit;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>
/// What every customer table does, run against each store by a subclass: rows read back column for column, a row
/// replaced only by a later position, workspaces apart. Lists and key lookups are in the other parts of this class.
/// Every test gets a fresh table and its own workspace ids.
/// </summary>
public abstract partial class CustomerTableContractTests : IAsyncLifetime
{
    private static readonly char Separator = CustomerTableQuery.TagSeparator;

    // One empty array for both sides: a record compares its byte[] by reference.
    private static readonly byte[] NoData = [];

    private ICustomerTable? table;

    protected ICustomerTable Table => table ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => table = await CreateTableAsync();

    public async Task DisposeAsync()
    {
        if (table is IAsyncDisposable disposable) await disposable.DisposeAsync();
    }

    protected abstract Task<ICustomerTable> CreateTableAsync();

    [Fact]
    public async Task Write_ThenGet_ReturnsEveryColumnAndTheData()
    {
        var full = new CustomerRow("c1", 42, true, "Ada Lovelace", "ADA LOVELACE", "Ada@Example.com", "+44 20 7946 0000",
            new CustomerKeys("ada@example.com", "+442079460000", "example.com", "co-1"), "owner-1", Tags("vip", "beta"),
            "ada lovelace\nada@example.com\n+44 20 7946 0000", 638_000_000_000_000_001, 638_000_000_000_000_002, [0, 1, 0xFF, 0x7F, 0]);
        // Every nullable column null, no tags, not live, no data: read back as such, not as "" or defaults.
        var bare = new CustomerRow("c2", 7, false, "", "", null, null, new CustomerKeys(null, null, null, null), null, "", "\n\n", 0, -1, []);

        await Table.WriteAsync("ws-get", [full, bare]);

        var rows = await Table.GetAsync("ws-get", ["c2", "unknown", "c1"]);
        Assert.Equal(["c1", "c2"], rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        AssertRow(full, rows.Single(r => r.CustomerId == "c1"));
        AssertRow(bare, rows.Single(r => r.CustomerId == "c2"));
        Assert.Empty(await Table.GetAsync("ws-get", ["unknown", "C1"]));
        Assert.Empty(await Table.GetAsync("ws-get", []));
    }

    [Fact]
    public async Task Get_MoreIdsThanOneStatementTakes_ReturnsEveryRow()
    {
        // 1,200 ids: more than one slice of 500, and a last slice that is not full.
        var written = Enumerable.Range(0, 1_200).Select(i => Row($"c{i:D4}", data: [(byte)i, (byte)(i >> 8)])).ToList();
        await Table.WriteAsync("ws-many", written);

        var rows = await Table.GetAsync("ws-many", [.. written.Select(r => r.CustomerId), "unknown"]);

        Assert.Equal(written.Select(r => r.CustomerId), rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        foreach (var row in rows) Assert.Equal(written.Single(w => w.CustomerId == row.CustomerId).Data, row.Data);
    }

    [Fact]
    public async Task Write_AnEarlierOrTheSamePosition_KeepsTheStoredRow()
    {
        var stored = Row("c1", position: 5, name: "Five", owner: "o5", data: [5]);
        await Table.WriteAsync("ws-keep", [stored]);

        await Table.WriteAsync("ws-keep", [Row("c1", position: 3, live: false, name: "Three", owner: "o3", data: [3])]);
        AssertRow(stored, await GetOneAsync("ws-keep", "c1"));

        // A replay writes the same position again: the row already holds it.
        await Table.WriteAsync("ws-keep", [Row("c1", position: 5, name: "Again", owner: "o6", data: [6])]);
        AssertRow(stored, await GetOneAsync("ws-keep", "c1"));
    }

    [Fact]
    public async Task Write_ALaterPosition_ReplacesEveryColumn()
    {
        await Table.WriteAsync("ws-replace", [new CustomerRow("c1", 5, true, "Ada", "ADA", "ada@example.com", "+1555",
            new CustomerKeys("ada@example.com", "+1555", "example.com", "co-1"), "o1", Tags("vip"), "ada", 10, 20, [5])]);
        var later = new CustomerRow("c1", 7, false, "Bob", "BOB", null, null, new CustomerKeys(null, null, null, null), null, "", "bob", 11, 21, [7, 7]);

        await Table.WriteAsync("ws-replace", [later]);

        AssertRow(later, await GetOneAsync("ws-replace", "c1"));
    }

    [Fact]
    public async Task Write_OneBatch_InsertsNewRowsAndSkipsOnlyTheStaleOnes()
    {
        await Table.WriteAsync("ws-batch", [Row("c1", position: 10, data: [10]), Row("c2", position: 10, data: [10])]);

        await Table.WriteAsync("ws-batch", [Row("c1", position: 9, data: [9]), Row("c2", position: 11, data: [11]), Row("c3", position: 1, data: [1])]);

        var rows = (await Table.GetAsync("ws-batch", ["c1", "c2", "c3"])).ToDictionary(r => r.CustomerId);
        Assert.Equal((10L, "0A"), (rows["c1"].Position, Convert.ToHexString(rows["c1"].Data)));
        Assert.Equal((11L, "0B"), (rows["c2"].Position, Convert.ToHexString(rows["c2"].Data)));
        Assert.Equal((1L, "01"), (rows["c3"].Position, Convert.ToHexString(rows["c3"].Data)));
    }

    [Fact]
    public async Task Workspaces_SameCustomerId_AreTwoRows_AndClearRemovesOnlyItsOwn()
    {
        var inA = Row("c1", position: 1, name: "In A", data: [0xA]);
        var inB = Row("c1", position: 9, name: "In B", data: [0xB]);
        await Table.WriteAsync("ws-a", [inA]);
        await Table.WriteAsync("ws-b", [inB]);
        // A lower position in A is a new row there, not a stale write to B's.
        AssertRow(inA, await GetOneAsync("ws-a", "c1"));
        AssertRow(inB, await GetOneAsync("ws-b", "c1"));

        await Table.ClearAsync("ws-a", "fold-2");

        Assert.Empty(await Table.GetAsync("ws-a", ["c1"]));
        AssertRow(inB, await GetOneAsync("ws-b", "c1"));
        Assert.Equal(1, (await Table.ListAsync("ws-b", Query())).Total);
        // Cleared, the workspace folds again from the first event.
        await Table.WriteAsync("ws-a", [inA]);
        AssertRow(inA, await GetOneAsync("ws-a", "c1"));
    }

    [Fact]
    public async Task Fold_IsNoneUntilAClearNamesIt_ThenTheLastNamedAndMarkedNeverBack_PerWorkspace()
    {
        Assert.Null(await Table.GetFoldAsync("ws-fold-a"));

        await Table.ClearAsync("ws-fold-a", "first");
        await Table.ClearAsync("ws-fold-b", "other");
        await Table.ClearAsync("ws-fold-a", "second");

        Assert.Equal(new CustomerFold("second", 0), await Table.GetFoldAsync("ws-fold-a"));
        Assert.Equal(new CustomerFold("other", 0), await Table.GetFoldAsync("ws-fold-b"));

        await Table.MarkFoldedAsync("ws-fold-a", 42);
        await Table.MarkFoldedAsync("ws-fold-a", 17);
        Assert.Equal(new CustomerFold("second", 42), await Table.GetFoldAsync("ws-fold-a"));
        Assert.Equal(new CustomerFold("other", 0), await Table.GetFoldAsync("ws-fold-b"));
        await Table.ClearAsync("ws-fold-a", "third");
        Assert.Equal(new CustomerFold("third", 0), await Table.GetFoldAsync("ws-fold-a"));
    }

    /// <summary>A live row whose name, sort name and search text follow from <paramref name="name"/> as the directory computes them.</summary>
    protected static CustomerRow Row(
        string id, long position = 1, bool live = true, string? name = null, CustomerKeys? keys = null, string? owner = null,
        string tags = "", string? search = null, long created = 0, long updated = 0, byte[]? data = null)
    {
        name ??= $"Name {id}";
        return new CustomerRow(id, position, live, name, name.ToUpperInvariant(), null, null, keys ?? new CustomerKeys(null, null, null, null),
            owner, tags, search ?? name.ToLowerInvariant(), created, updated, data ?? [1, 2, 3]);
    }

    /// <summary>The tags column as the directory writes it: each tag between separators.</summary>
    protected static string Tags(params string[] tags) => $"{Separator}{string.Join(Separator, tags)}{Separator}";

    protected static CustomerTableQuery Query(
        string? text = null, string? owner = null, string? tag = null, string? company = null,
        CustomerSort sort = CustomerSort.Name, bool descending = false, int offset = 0, int limit = 100) =>
        new(text, owner, tag, company, sort, descending, offset, limit);

    /// <summary>Every column equal, and the data byte for byte.</summary>
    protected static void AssertRow(CustomerRow expected, CustomerRow actual)
    {
        Assert.Equal(expected with { Data = NoData }, actual with { Data = NoData });
        Assert.Equal(expected.Data, actual.Data);
    }

    /// <summary>Every column but the data equal, and the data left out, as in answers that do not need it.</summary>
    protected static void AssertRowWithoutData(CustomerRow expected, CustomerRow actual)
    {
        Assert.Equal(expected with { Data = NoData }, actual with { Data = NoData });
        Assert.Empty(actual.Data);
    }

    private async Task<CustomerRow> GetOneAsync(string workspaceId, string customerId) =>
        Assert.Single(await Table.GetAsync(workspaceId, [customerId]));
}
