using Crm.Grains.Abstractions.Directory;
using Xunit;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>Lists: live rows only, each filter, each sort in both directions, pages and their total.</summary>
public abstract partial class CustomerTableContractTests
{
    [Fact]
    public async Task List_ReturnsTheLiveRowsOfTheWorkspaceOnly_WithTheirData()
    {
        var live = new[] { Row("c1", data: [1]), Row("c2", data: [2]) };
        await Table.WriteAsync("ws-live", [.. live, Row("c3", live: false)]);
        await Table.WriteAsync("ws-live-other", [Row("c4")]);

        var page = await Table.ListAsync("ws-live", Query());

        Assert.Equal(2, page.Total);
        Assert.Equal(["c1", "c2"], Ids(page));
        AssertRow(live[0], page.Rows[0]);
        AssertRow(live[1], page.Rows[1]);
    }

    [Fact]
    public async Task List_ByOwnerAndCompany_MatchesEachExactly()
    {
        await Table.WriteAsync("ws-owner", [
            Row("c1", owner: "o1", keys: Company("co1")),
            Row("c2", owner: "o1", keys: Company("co2")),
            Row("c3", owner: "o2", keys: Company("co1")),
            Row("c4"),
            Row("c5", live: false, owner: "o1", keys: Company("co1")),
        ]);

        Assert.Equal(["c1", "c2"], Ids(await Table.ListAsync("ws-owner", Query(owner: "o1"))));
        Assert.Equal(["c1", "c3"], Ids(await Table.ListAsync("ws-owner", Query(company: "co1"))));
        Assert.Equal(["c1"], Ids(await Table.ListAsync("ws-owner", Query(owner: "o1", company: "co1"))));
        Assert.Empty(Ids(await Table.ListAsync("ws-owner", Query(owner: "o"))));
        Assert.Empty(Ids(await Table.ListAsync("ws-owner", Query(company: "co"))));
    }

    [Fact]
    public async Task List_ByTag_MatchesWholeTagsOnly()
    {
        await Table.WriteAsync("ws-tags", [
            Row("c1", tags: Tags("vip", "beta")),
            Row("c2", tags: Tags("vip2")),
            Row("c3", tags: Tags("xvip")),
            Row("c4", tags: Tags("beta")),
            Row("c5", tags: Tags("vip")),
            Row("c6"),
            Row("c7", live: false, tags: Tags("vip")),
        ]);

        Assert.Equal(["c1", "c5"], Ids(await Table.ListAsync("ws-tags", Query(tag: "vip"))));
        Assert.Equal(["c1", "c4"], Ids(await Table.ListAsync("ws-tags", Query(tag: "beta"))));
        Assert.Equal(["c2"], Ids(await Table.ListAsync("ws-tags", Query(tag: "vip2"))));
        Assert.Empty(Ids(await Table.ListAsync("ws-tags", Query(tag: "ip"))));
    }

    [Fact]
    public async Task List_ByTagOrText_TakesLikeWildcardsAndTheEscapeLiterally()
    {
        // Each literal row beside the rows its text would match as a LIKE pattern: "%" any run, "_" any one, "\d" a "d".
        await Table.WriteAsync("ws-literal", [
            Row("t1", tags: Tags("50%")), Row("t2", tags: Tags("500")),
            Row("t3", tags: Tags("a_b")), Row("t4", tags: Tags("axb")),
            Row("t5", tags: Tags(@"c\d")), Row("t6", tags: Tags("cd")),
            Row("s1", search: "100% sure"), Row("s2", search: "1000 sure"),
            Row("s3", search: "snake_case"), Row("s4", search: "snakexcase"),
            Row("s5", search: @"back\slash"), Row("s6", search: "backslash"),
        ]);

        Assert.Equal(["t1"], Ids(await Table.ListAsync("ws-literal", Query(tag: "50%"))));
        Assert.Equal(["t3"], Ids(await Table.ListAsync("ws-literal", Query(tag: "a_b"))));
        Assert.Equal(["t5"], Ids(await Table.ListAsync("ws-literal", Query(tag: @"c\d"))));
        Assert.Empty(Ids(await Table.ListAsync("ws-literal", Query(tag: "%"))));
        Assert.Equal(["s1"], Ids(await Table.ListAsync("ws-literal", Query(text: "0%"))));
        Assert.Equal(["s3"], Ids(await Table.ListAsync("ws-literal", Query(text: "e_c"))));
        Assert.Equal(["s5"], Ids(await Table.ListAsync("ws-literal", Query(text: @"k\s"))));
        Assert.Equal(["s1"], Ids(await Table.ListAsync("ws-literal", Query(text: "%"))));
    }

    [Fact]
    public async Task List_ByText_MatchesAnySubstringOfTheSearchText()
    {
        await Table.WriteAsync("ws-text", [
            Row("c1", search: "ada lovelace\nada@example.com\n+44 20 7946 0000"),
            Row("c2", search: "bob\nbob@test.org\n"),
            Row("c3", live: false, search: "ada lovelace\n\n"),
        ]);

        Assert.Equal(["c1"], Ids(await Table.ListAsync("ws-text", Query(text: "lovelace"))));
        Assert.Equal(["c1"], Ids(await Table.ListAsync("ws-text", Query(text: "example.com"))));
        Assert.Equal(["c1"], Ids(await Table.ListAsync("ws-text", Query(text: "7946 0"))));
        Assert.Equal(["c2"], Ids(await Table.ListAsync("ws-text", Query(text: "b@test"))));
        Assert.Empty(Ids(await Table.ListAsync("ws-text", Query(text: "carol"))));
        // No text is no filter.
        Assert.Equal(2, (await Table.ListAsync("ws-text", Query(text: ""))).Total);
    }

    [Fact]
    public async Task List_ByName_IsInByteOrderWithTiesByCustomerId_OnEveryStore()
    {
        // Byte order, not a language's: "AD B" before "ADA" (space first), "ZED" before "ÉMILE" (0x5A < 0xC3), and the tie
        // "x-1" before "x_1" ('-' 0x2D < '_' 0x5F), where an ICU collation puts '_' first and glibc's ignores both.
        await Table.WriteAsync("ws-name", [
            Row("c5", name: "Émile"), Row("x_1", name: "Ada"), Row("c4", name: "Zed"), Row("c3", name: "bob"),
            Row("x-1", name: "ada"), Row("c6", name: "Ad B"),
        ]);
        string[] expected = ["c6", "x-1", "x_1", "c3", "c4", "c5"];

        Assert.Equal(expected, Ids(await Table.ListAsync("ws-name", Query(sort: CustomerSort.Name))));
        Assert.Equal(Enumerable.Reverse(expected), Ids(await Table.ListAsync("ws-name", Query(sort: CustomerSort.Name, descending: true))));
    }

    [Fact]
    public async Task List_ByCreatedOrUpdated_InEitherDirection_WithTiesByCustomerId()
    {
        const long Day = TimeSpan.TicksPerDay;
        var epoch = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        await Table.WriteAsync("ws-time", [
            Row("c1", created: epoch + 3 * Day, updated: epoch + 1 * Day),
            Row("c2", created: epoch + 1 * Day, updated: epoch + 3 * Day),
            Row("c3", created: epoch + 2 * Day, updated: epoch + 2 * Day),
            Row("c4", created: epoch + 2 * Day, updated: epoch),
        ]);

        Assert.Equal(["c2", "c3", "c4", "c1"], Ids(await Table.ListAsync("ws-time", Query(sort: CustomerSort.Created))));
        Assert.Equal(["c1", "c4", "c3", "c2"], Ids(await Table.ListAsync("ws-time", Query(sort: CustomerSort.Created, descending: true))));
        Assert.Equal(["c4", "c1", "c3", "c2"], Ids(await Table.ListAsync("ws-time", Query(sort: CustomerSort.Updated))));
        Assert.Equal(["c2", "c3", "c1", "c4"], Ids(await Table.ListAsync("ws-time", Query(sort: CustomerSort.Updated, descending: true))));
    }

    [Fact]
    public async Task List_Pages_ByOffsetAndLimit_WithTheTotalOfEveryMatch()
    {
        await Table.WriteAsync("ws-page", [
            .. Enumerable.Range(0, 7).Select(i => Row($"c{i}", owner: i % 2 == 0 ? "even" : "odd")),
            Row("c9", live: false, owner: "even"),
        ]);

        var middle = await Table.ListAsync("ws-page", Query(offset: 2, limit: 3));
        var last = await Table.ListAsync("ws-page", Query(offset: 6, limit: 3));
        var pastTheEnd = await Table.ListAsync("ws-page", Query(offset: 7, limit: 3));
        var farPast = await Table.ListAsync("ws-page", Query(offset: 1_000, limit: 3));
        var filtered = await Table.ListAsync("ws-page", Query(owner: "even", offset: 1, limit: 2));

        AssertPage(middle, 7, "c2", "c3", "c4");
        AssertPage(last, 7, "c6");
        AssertPage(pastTheEnd, 7);
        AssertPage(farPast, 7);
        AssertPage(filtered, 4, "c2", "c4");
    }

    private static CustomerKeys Company(string companyId) => new(null, null, null, companyId);

    private static List<string> Ids(CustomerTablePage page) => [.. page.Rows.Select(r => r.CustomerId)];

    private static void AssertPage(CustomerTablePage page, int total, params string[] ids)
    {
        Assert.Equal(total, page.Total);
        Assert.Equal(ids, Ids(page));
    }
}
