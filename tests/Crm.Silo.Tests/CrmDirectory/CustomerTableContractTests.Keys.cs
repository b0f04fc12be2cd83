using Crm.Grains.Abstractions.Directory;
using Xunit;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>What duplicate checks and imports read: rows sharing a key, groups sharing one, rows by email or phone; all without data.</summary>
public abstract partial class CustomerTableContractTests
{
    private static readonly CustomerKeys Ada = new("ada@example.com", "+15550001", "example.com", "co-1");

    [Fact]
    public async Task FindByKeys_ReturnsLiveRowsSharingAnyKeyInItsOwnColumn_OnceEach_WithoutData()
    {
        var matching = new[]
        {
            Row("e1", keys: new(Ada.EmailKey, null, null, null)),
            Row("p1", keys: new(null, Ada.PhoneKey, null, null)),
            Row("d1", keys: new("d1@example.com", null, Ada.DomainKey, null)),
            Row("k1", keys: new(null, null, null, Ada.CompanyId)),
            Row("t1", keys: new(Ada.EmailKey, Ada.PhoneKey, "other.org", null)),
        };
        await Table.WriteAsync("ws-find", [
            .. matching,
            // The probe's values, each in another column.
            Row("x1", keys: new(Ada.PhoneKey, Ada.EmailKey, Ada.CompanyId, Ada.DomainKey)),
            Row("u1", keys: new("bob@other.org", "+15550002", "other.org", "co-2")),
            Row("n1"),
            Row("z1", live: false, keys: Ada),
        ]);
        await Table.WriteAsync("ws-find-other", [Row("w1", keys: Ada)]);

        var found = await Table.FindByKeysAsync("ws-find", Ada, 100);

        Assert.Equal(["d1", "e1", "k1", "p1", "t1"], found.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        foreach (var row in found) AssertRowWithoutData(matching.Single(m => m.CustomerId == row.CustomerId), row);
    }

    [Fact]
    public async Task FindByContacts_ReturnsLiveRowsWithAnyGivenEmailOrPhone_OnceEach_InTheirOwnColumnOnly()
    {
        await Table.WriteAsync("ws-contacts", [
            Row("e1", keys: new("ada@example.com", null, null, null)),
            Row("p1", keys: new(null, "+15550001", null, null)),
            Row("b1", keys: new("bob@example.com", "+15550002", null, null)),
            // The values in the other column, a dead row, and one nobody asked about.
            Row("x1", keys: new("+15550001", "ada@example.com", null, null)),
            Row("z1", live: false, keys: new("ada@example.com", "+15550001", null, null)),
            Row("u1", keys: new("carol@example.com", "+15550003", null, null)),
        ]);
        await Table.WriteAsync("ws-contacts-other", [Row("w1", keys: new("ada@example.com", null, null, null))]);

        var found = await Table.FindByContactsAsync("ws-contacts", ["ada@example.com", "bob@example.com", "nobody@example.com"], ["+15550001", "+15550002"]);

        Assert.Equal(["b1", "e1", "p1"], found.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(found, r => Assert.Empty(r.Data));
        Assert.Empty(await Table.FindByContactsAsync("ws-contacts", [], []));
        Assert.Equal(["p1"], Ids(await Table.FindByContactsAsync("ws-contacts", [], ["+15550001"])));
    }

    [Fact]
    public async Task FindByKeys_MatchesOnlyTheKeysTheProbeHas()
    {
        // Most rows have no email, phone or company: a probe without one must not match them on null.
        await Table.WriteAsync("ws-find-some", [
            Row("e1", keys: new(Ada.EmailKey, null, null, null)),
            Row("d1", keys: new(null, null, Ada.DomainKey, null)),
            Row("n1"),
        ]);

        Assert.Equal(["d1"], Ids(await Table.FindByKeysAsync("ws-find-some", new(null, null, Ada.DomainKey, null), 100)));
        Assert.Equal(["e1"], Ids(await Table.FindByKeysAsync("ws-find-some", new(Ada.EmailKey, null, null, null), 100)));
        Assert.Empty(await Table.FindByKeysAsync("ws-find-some", new(null, null, null, null), 100));
    }

    [Fact]
    public async Task FindByKeys_ALargeDomain_DoesNotCrowdOutTheCompany()
    {
        await Table.WriteAsync("ws-find-crowd", [
            .. Enumerable.Range(0, 5).Select(i => Row($"d{i}", keys: new(null, null, Ada.DomainKey, null))),
            Row("k1", keys: new(null, null, null, Ada.CompanyId)),
        ]);

        var found = Ids(await Table.FindByKeysAsync("ws-find-crowd", Ada, 3));

        Assert.Contains("k1", found);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public async Task FindByKeys_ReturnsAtMostTheLimit()
    {
        await Table.WriteAsync("ws-find-limit", [.. Enumerable.Range(0, 5).Select(i => Row($"c{i}", keys: new(null, null, "example.com", null)))]);

        var some = await Table.FindByKeysAsync("ws-find-limit", Ada, 3);
        var all = await Table.FindByKeysAsync("ws-find-limit", Ada, 10);

        Assert.Equal(3, some.Select(r => r.CustomerId).Distinct().Count());
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task Crowded_GroupsLiveRowsSharingAValueOfAnyKeyColumn_WithoutData()
    {
        var crowded = new[]
        {
            Row("a1", keys: new("a@example.com", null, null, null)), Row("a2", keys: new("a@example.com", null, null, null)),
            Row("b1", keys: new(null, "+15550001", null, null)), Row("b2", keys: new(null, "+15550001", null, null)),
            Row("c1", keys: new(null, null, "c.org", null)), Row("c2", keys: new(null, null, "c.org", null)), Row("c3", keys: new(null, null, "c.org", null)),
            Row("d1", keys: new(null, null, null, "co-d")), Row("d2", keys: new(null, null, null, "co-d")),
        };
        await Table.WriteAsync("ws-crowded", [
            .. crowded,
            Row("s1", keys: new("s@example.com", "+15550009", "s.org", "co-s")),
            // Shares its key with a row that is not live, or is in another workspace: alone all the same.
            Row("y1", keys: new("y@example.com", null, null, null)), Row("y2", live: false, keys: new("y@example.com", null, null, null)),
            Row("n1"), Row("n2"),
        ]);
        await Table.WriteAsync("ws-crowded-other", [Row("w1", keys: new("s@example.com", null, null, null))]);

        var groups = await Table.CrowdedAsync("ws-crowded", perGroup: 10, maxRows: 100);

        Assert.Equal(["a1 a2", "b1 b2", "c1 c2 c3", "d1 d2"], Groups(groups));
        foreach (var row in groups.SelectMany(g => g)) AssertRowWithoutData(crowded.Single(c => c.CustomerId == row.CustomerId), row);
    }

    [Fact]
    public async Task Crowded_PerGroup_CapsEachGroup()
    {
        await Table.WriteAsync("ws-crowded-cap", [
            .. Enumerable.Range(0, 5).Select(i => Row($"a{i}", keys: new("a@example.com", null, null, null))),
            Row("b1", keys: new(null, "+15550001", null, null)), Row("b2", keys: new(null, "+15550001", null, null)),
        ]);

        var groups = await Table.CrowdedAsync("ws-crowded-cap", perGroup: 2, maxRows: 100);

        Assert.Equal([2, 2], groups.Select(g => g.Count));
        var capped = Assert.Single(groups, g => g.All(r => r.Keys.EmailKey == "a@example.com"));
        Assert.Equal(2, capped.Select(r => r.CustomerId).Distinct().Count());
        Assert.Contains("b1 b2", Groups(groups));
    }

    [Fact]
    public async Task Crowded_MaxRows_CapsTheRowsInAll_AndLeavesNoGroupOfOne()
    {
        await Table.WriteAsync("ws-crowded-max", [
            .. new[] { "a", "b", "c" }.SelectMany(k => new[] { Row($"{k}1", keys: new($"{k}@example.com", null, null, null)), Row($"{k}2", keys: new($"{k}@example.com", null, null, null)) }),
        ]);

        var four = await Table.CrowdedAsync("ws-crowded-max", perGroup: 10, maxRows: 4);
        var three = await Table.CrowdedAsync("ws-crowded-max", perGroup: 10, maxRows: 3);

        Assert.Equal([2, 2], four.Select(g => g.Count));
        // The third row would start a group it cannot finish: a group of one is no duplicate.
        Assert.Equal([2], three.Select(g => g.Count));
    }

    [Fact]
    public async Task Crowded_MaxRows_CountsOnlyTheRowsReturned()
    {
        // A key shared by many (a company, a domain) must not spend the budget on rows its group cannot hold.
        await Table.WriteAsync("ws-crowded-budget", [
            .. Enumerable.Range(0, 6).Select(i => Row($"a{i}", keys: new("a@example.com", null, null, null))),
            Row("b1", keys: new("b@example.com", null, null, null)), Row("b2", keys: new("b@example.com", null, null, null)),
        ]);

        var groups = await Table.CrowdedAsync("ws-crowded-budget", perGroup: 2, maxRows: 4);

        Assert.Equal([2, 2], groups.Select(g => g.Count));
        Assert.Contains("b1 b2", Groups(groups));
    }

    private static List<string> Ids(IEnumerable<CustomerRow> rows) => [.. rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal)];

    /// <summary>Each group as its ids in order, the groups in order: the store's order of either is not the contract.</summary>
    private static List<string> Groups(IEnumerable<IEnumerable<CustomerRow>> groups) =>
        [.. groups.Select(g => string.Join(' ', Ids(g))).Order(StringComparer.Ordinal)];
}
