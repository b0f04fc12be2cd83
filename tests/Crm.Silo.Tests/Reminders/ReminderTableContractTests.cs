using Crm.Silo.Infrastructure.Reminders;
using Orleans;
using Orleans.Runtime;
using Xunit;

namespace Crm.Silo.Tests.Reminders;

/// <summary>
/// The behaviour every reminder table must have, run against each provider by a subclass. Every test gets fresh
/// storage (a temp folder or a new database). Range semantics are Orleans': (begin, end], wrapping through zero when
/// begin is at or past end, as in its in-memory and ADO.NET tables.
/// </summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    private const string ServiceId = "crm-test";
    private static readonly DateTime Start = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_567);

    private readonly List<DbReminderTable> opened = [];

    public async Task InitializeAsync() => await CreateStorageAsync();

    public async Task DisposeAsync()
    {
        foreach (var table in opened)
        {
            await table.DisposeAsync();
        }

        await DeleteStorageAsync();
    }

    [Fact]
    public async Task UpsertRow_NewRow_ReadRowAndReadRowsReturnIt()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");

        var etag = await table.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(5)));

        Assert.False(string.IsNullOrEmpty(etag));
        var row = await table.ReadRow(grain, "sla");
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("sla", row.ReminderName);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(["sla"], (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName));
    }

    [Fact]
    public async Task ReadRow_NoSuchRow_ReturnsNull()
    {
        var table = await OpenStartedAsync();
        await table.UpsertRow(Entry(GrainId.Create("probe", "a"), "sla"));

        Assert.Null(await table.ReadRow(GrainId.Create("probe", "a"), "snooze"));
        Assert.Null(await table.ReadRow(GrainId.Create("probe", "b"), "sla"));
        Assert.Empty((await table.ReadRows(GrainId.Create("probe", "b"))).Reminders);
    }

    [Fact]
    public async Task ReadRows_GrainWithSeveralReminders_ReturnsOnlyThatGrainsRows()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");
        await table.UpsertRow(Entry(grain, "sla"));
        await table.UpsertRow(Entry(grain, "snooze"));
        await table.UpsertRow(Entry(GrainId.Create("probe", "b"), "sla"));

        var rows = await table.ReadRows(grain);

        Assert.Equal(["sla", "snooze"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task UpsertRow_ExistingRow_ReplacesValuesAndChangesEtag()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");
        var first = await table.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(1)));

        var second = await table.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(7), Start.AddHours(1)));

        Assert.NotEqual(first, second);
        var row = await table.ReadRow(grain, "sla");
        Assert.NotNull(row);
        Assert.Equal(second, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(7), row.Period);
        Assert.Equal(Start.AddHours(1), row.StartAt);
        Assert.Single((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task RemoveRow_WrongEtag_ReturnsFalseAndKeepsRow()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");
        var stale = await table.UpsertRow(Entry(grain, "sla"));
        var current = await table.UpsertRow(Entry(grain, "sla"));

        Assert.False(await table.RemoveRow(grain, "sla", stale!));
        Assert.False(await table.RemoveRow(grain, "sla", "not-an-etag"));

        Assert.Equal(current, (await table.ReadRow(grain, "sla"))?.ETag);
    }

    [Fact]
    public async Task RemoveRow_RightEtag_RemovesRowAndASecondRemoveReturnsFalse()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");
        var etag = await table.UpsertRow(Entry(grain, "sla"));
        await table.UpsertRow(Entry(grain, "snooze"));

        Assert.True(await table.RemoveRow(grain, "sla", etag!));

        Assert.Null(await table.ReadRow(grain, "sla"));
        Assert.NotNull(await table.ReadRow(grain, "snooze"));
        Assert.False(await table.RemoveRow(grain, "sla", etag!));
    }

    [Fact]
    public async Task UpsertRow_AfterRemove_NewEtagDiffersSoTheOldOneCannotRemoveIt()
    {
        var table = await OpenStartedAsync();
        var grain = GrainId.Create("probe", "a");
        var old = await table.UpsertRow(Entry(grain, "sla"));
        Assert.True(await table.RemoveRow(grain, "sla", old!));

        var renewed = await table.UpsertRow(Entry(grain, "sla"));

        Assert.NotEqual(old, renewed);
        Assert.False(await table.RemoveRow(grain, "sla", old!));
        Assert.NotNull(await table.ReadRow(grain, "sla"));
    }

    [Fact]
    public async Task ReadRows_HashRanges_ReturnRowsInBeginExclusiveEndInclusiveRangeWrappingThroughZero()
    {
        var table = await OpenStartedAsync();
        var grains = Enumerable.Range(0, 24).Select(i => GrainId.Create("probe", $"ring-{i}")).ToList();
        var hashes = grains.Select(g => g.GetUniformHashCode()).Distinct().Order().ToArray();
        Assert.Equal(grains.Count, hashes.Length);

        // Hashes on both sides of int.MaxValue: a hash stored or compared as a signed 32-bit number would fail below.
        Assert.Contains(hashes, h => h > int.MaxValue);
        Assert.Contains(hashes, h => h <= int.MaxValue);
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "sla"));
        }

        var last = hashes.Length - 1;
        (uint Begin, uint End)[] ranges =
        [
            (hashes[2], hashes[5]),            // plain: hashes[3..5], not hashes[2]
            (hashes[2] - 1, hashes[2]),        // exactly one row, at the inclusive end
            (hashes[2], hashes[3] - 1),        // between two rows: nothing
            (hashes[last - 3], hashes[1]),     // wraps: the top three and the bottom two
            (hashes[last], hashes[0]),         // wraps from the highest row: only the lowest row
            (hashes[7], hashes[7]),            // begin == end: the whole ring
            (0, uint.MaxValue),                // everything above zero
            (uint.MaxValue, 0),                // wraps over nothing but zero
            (uint.MaxValue, hashes[0]),        // wraps: just the lowest row
            (hashes[last - 1], uint.MaxValue), // up to the top of the ring
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = hashes.Where(h => InOrleansRange(h, begin, end)).ToArray();

            var rows = await table.ReadRows(begin, end);

            var actual = rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToArray();
            Assert.True(expected.SequenceEqual(actual), $"range ({begin}, {end}]: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        // Spot checks of the reference itself, so that a wrong reference cannot hide a wrong table.
        Assert.Equal(3, (await table.ReadRows(hashes[2], hashes[5])).Reminders.Count);
        Assert.Equal(5, (await table.ReadRows(hashes[last - 3], hashes[1])).Reminders.Count);
        Assert.Equal(hashes.Length, (await table.ReadRows(hashes[7], hashes[7])).Reminders.Count);
        Assert.Single((await table.ReadRows(hashes[2] - 1, hashes[2])).Reminders);
    }

    [Fact]
    public async Task ReopenTable_SameStorage_RowsAndEtagsSurvive()
    {
        var grain = GrainId.Create("probe", "a");
        var first = await OpenStartedAsync();
        var etag = await first.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(3)));
        await first.DisposeAsync();

        var reopened = await OpenStartedAsync();

        var row = await reopened.ReadRow(grain, "sla");
        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(Start, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(3), row.Period);
        Assert.Single((await reopened.ReadRows(0, 0)).Reminders);
        Assert.True(await reopened.RemoveRow(grain, "sla", etag!));
    }

    [Fact]
    public async Task TwoServices_SameStorage_NeitherSeesNorTouchesTheOthersRows()
    {
        var grain = GrainId.Create("probe", "a");
        var a = await OpenStartedAsync("service-a");
        var b = await OpenStartedAsync("service-b");
        var etagA = await a.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(1)));
        var etagB = await b.UpsertRow(Entry(grain, "sla", TimeSpan.FromMinutes(2)));

        Assert.Equal(TimeSpan.FromMinutes(1), (await a.ReadRow(grain, "sla"))?.Period);
        Assert.Equal(TimeSpan.FromMinutes(2), (await b.ReadRow(grain, "sla"))?.Period);
        Assert.Single((await a.ReadRows(grain)).Reminders);
        Assert.Single((await b.ReadRows(0, 0)).Reminders);

        Assert.False(await b.RemoveRow(grain, "sla", etagA!));
        await a.TestOnlyClearTable();

        Assert.Empty((await a.ReadRows(0, 0)).Reminders);
        Assert.Equal(etagB, (await b.ReadRow(grain, "sla"))?.ETag);
    }

    [Fact]
    public async Task StartAsync_TwiceAndOnTwoInstances_IsHarmless()
    {
        var first = Track(OpenTable(ServiceId));
        var second = Track(OpenTable(ServiceId));

        await Task.WhenAll(first.StartAsync(), second.StartAsync(), first.StartAsync());

        await first.UpsertRow(Entry(GrainId.Create("probe", "a"), "sla"));
        Assert.NotNull(await second.ReadRow(GrainId.Create("probe", "a"), "sla"));
    }

    /// <summary>Creates the empty storage for one test (a folder, a database).</summary>
    protected abstract Task CreateStorageAsync();

    /// <summary>A new table over this test's storage; the test disposes it.</summary>
    protected abstract DbReminderTable OpenTable(string serviceId);

    protected abstract Task DeleteStorageAsync();

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null, DateTime? start = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = start ?? Start,
        Period = period ?? TimeSpan.FromMinutes(1),
    };

    private static bool InOrleansRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private async Task<DbReminderTable> OpenStartedAsync(string serviceId = ServiceId)
    {
        var table = Track(OpenTable(serviceId));
        await table.StartAsync();
        return table;
    }

    private DbReminderTable Track(DbReminderTable table)
    {
        opened.Add(table);
        return table;
    }
}
