using Crm.Grains.Abstractions.EventStore;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>Filtered reads of the log (by category, type, workspace) and how far each one says it looked.</summary>
public abstract partial class EventStoreContractTests
{
    [Fact]
    public async Task ReadAsync_ByCategory_ReturnsThatCategoryOfEveryWorkspaceInPositionOrder()
    {
        var written = await AppendMixAsync();

        var page = await Store.ReadAsync(EventFilter.ForCategories(null, "conversation"), 0, 100);

        Assert.Equal(written.Where(w => w.Stream.Split('/') is [_, "conversation", _]).Select(w => w.Position), page.Events.Select(e => e.Position));
        Assert.Equal(written.Max(w => w.Position), page.ReadUpTo);
        Assert.True(page.ReachedHead);
    }

    [Fact]
    public async Task ReadAsync_ByTypeAlone_ReturnsThoseTypesFromEveryCategory()
    {
        var written = await AppendMixAsync();

        var page = await Store.ReadAsync(new EventFilter([], ["AgentWentOnline", "ConversationClosed"]), 0, 100);

        Assert.Equal(
            written.Where(w => w.Type is "AgentWentOnline" or "ConversationClosed").Select(w => w.Position),
            page.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task ReadAsync_ByWorkspaceAlone_ReturnsEveryCategoryOfThatWorkspaceOnly()
    {
        var written = await AppendMixAsync();

        var page = await Store.ReadAsync(new EventFilter([], [], "acme"), 0, 100);

        // "acme/loose" and "acme/a/b/c" are not "{workspace}/{category}/{id}": they belong to no workspace.
        Assert.Equal(written.Where(w => w.Stream.Split('/') is ["acme", _, _]).Select(w => w.Position), page.Events.Select(e => e.Position));
        Assert.DoesNotContain(page.Events, e => e.StreamId is "acme/loose" or "acme/a/b/c");
    }

    [Fact]
    public async Task ReadAsync_Combinations_MatchEveryConditionAtOnce()
    {
        var written = await AppendMixAsync();

        var workspaceCategory = await Store.ReadAsync(EventFilter.ForCategories("acme", "conversation"), 0, 100);
        var twoCategories = await Store.ReadAsync(EventFilter.ForCategories("globex", "conversation", "agent"), 0, 100);
        var categoryAndType = await Store.ReadAsync(new EventFilter(["conversation"], ["MessagePosted"], "acme"), 0, 100);
        var typeAndWorkspace = await Store.ReadAsync(new EventFilter([], ["MessagePosted"], "globex"), 0, 100);

        Assert.Equal(Positions(written, "acme", "conversation"), workspaceCategory.Events.Select(e => e.Position));
        Assert.Equal(
            written.Where(w => w.Stream.Split('/') is ["globex", "conversation" or "agent", _]).Select(w => w.Position),
            twoCategories.Events.Select(e => e.Position));
        Assert.Equal(Positions(written, "acme", "conversation", "MessagePosted"), categoryAndType.Events.Select(e => e.Position));
        Assert.Equal(Positions(written, "globex", type: "MessagePosted"), typeAndWorkspace.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task ReadAsync_AnyFilter_ReturnsWhatTheFilterMatchesInMemory()
    {
        await AppendMixAsync();
        await Store.AppendAsync("acme//x", ExpectedVersion.NoStream, [NewEvent()]);
        var all = await Store.ReadAllAsync(0, 1_000);
        EventFilter[] filters =
        [
            EventFilter.ForCategories("acme", "conversation", "agent", "routing"), new([], ["MessagePosted"], "acme"),
            new(["conversation", "agent"], ["MessagePosted", "AgentWentOnline"]), new(["a"], []), new([], [], "acme"),
        ];

        foreach (var filter in filters)
        {
            var page = await Store.ReadAsync(filter, 0, 1_000);
            Assert.Equal(all.Where(filter.Matches).Select(e => e.Position), page.Events.Select(e => e.Position));
        }
    }

    [Fact]
    public async Task ReadAsync_InPages_EachPageEndsAtItsLastEventAndTheLastReachesTheHead()
    {
        var written = await AppendMixAsync();
        var expected = Positions(written, category: "conversation");
        var filter = EventFilter.ForCategories(null, "conversation");

        var read = new List<long>();
        var after = 0L;
        var pages = 0;
        EventPage page;
        do
        {
            page = await Store.ReadAsync(filter, after, 2);
            Assert.True(page.ReadUpTo >= after, "a read never goes back");
            if (page.Events.Count == 2)
            {
                Assert.Equal(page.Events[^1].Position, page.ReadUpTo);
            }

            read.AddRange(page.Events.Select(e => e.Position));
            after = page.ReadUpTo;
            Assert.True(++pages <= expected.Count + 1, "paging ends");
        }
        while (!page.ReachedHead);

        Assert.Equal(expected, read);
        Assert.Equal(await Store.GetHeadPositionAsync(), after);
    }

    [Fact]
    public async Task ReadAsync_NothingMatches_ReadUpToMovesPastTheRowsItLookedAt()
    {
        var written = await AppendMixAsync();

        var page = await Store.ReadAsync(EventFilter.ForCategories("nobody", "conversation"), 0, 100);
        var later = await Store.AppendAsync("ws-late/conversation/1", ExpectedVersion.NoStream, [NewEvent()]);
        var next = await Store.ReadAsync(EventFilter.ForCategories("nobody", "conversation"), page.ReadUpTo, 100);

        Assert.Empty(page.Events);
        Assert.Equal(written.Max(w => w.Position), page.ReadUpTo);
        Assert.True(page.ReachedHead);
        Assert.Empty(next.Events);
        Assert.Equal(later.LastPosition, next.ReadUpTo);
    }

    [Fact]
    public async Task ReadAsync_EmptyStoreOrAfterTheHead_StaysWhereItWasAtTheHead()
    {
        var empty = await Store.ReadAsync(EventFilter.All, 0, 10);
        var result = await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, [NewEvent()]);
        var beyond = await Store.ReadAsync(EventFilter.All, result.LastPosition + 50, 10);

        Assert.Empty(empty.Events);
        Assert.Equal(0, empty.ReadUpTo);
        Assert.True(empty.ReachedHead);
        Assert.Empty(beyond.Events);
        Assert.Equal(result.LastPosition + 50, beyond.ReadUpTo);
        Assert.True(beyond.ReachedHead);
    }

    [Fact]
    public async Task ReadAsync_AllFilter_ReturnsWhatReadAllReturns()
    {
        await AppendMixAsync();

        var page = await Store.ReadAsync(EventFilter.All, 0, 1_000);
        var all = await Store.ReadAllAsync(0, 1_000);

        Assert.Equal(all, page.Events);
    }

    [Fact]
    public async Task ReadAsync_FilterWithEmptyNames_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync(new EventFilter([""], []), 0, 10));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync(new EventFilter([], [], ""), 0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadAsync(EventFilter.All, 0, -1));
    }

    [Fact]
    public async Task ReadBackwardAsync_ByWorkspaceOrCategory_NewestFirstInPages()
    {
        var written = await AppendMixAsync();
        var acme = Positions(written, "acme");
        var acmeConversations = Positions(written, "acme", "conversation");

        var workspace = await Store.ReadBackwardAsync(new EventFilter([], [], "acme"), long.MaxValue, 100);
        var category = await Store.ReadBackwardAsync(EventFilter.ForCategories("acme", "conversation"), long.MaxValue, 2);
        var nextPage = await Store.ReadBackwardAsync(EventFilter.ForCategories("acme", "conversation"), category[^1].Position, 100);

        Assert.Equal(acme.AsEnumerable().Reverse(), workspace.Select(e => e.Position));
        Assert.Equal(acmeConversations.AsEnumerable().Reverse(), category.Concat(nextPage).Select(e => e.Position));
        Assert.Equal(2, category.Count);
    }

    /// <summary>Events of two workspaces, three categories and a few types, plus two stream ids of no workspace.</summary>
    private async Task<List<(string Stream, string Type, long Position)>> AppendMixAsync()
    {
        (string Stream, string Type)[] plan =
        [
            ("acme/conversation/1", "MessagePosted"), ("globex/conversation/1", "MessagePosted"), ("acme/agent/a", "AgentWentOnline"),
            ("acme/conversation/1", "MessagePosted"), ("acme/loose", "MessagePosted"), ("globex/agent/b", "AgentWentOnline"),
            ("acme/conversation/2", "ConversationClosed"), ("acme/a/b/c", "MessagePosted"), ("globex/conversation/1", "MessagePosted"),
            ("acme/routing/all", "RoutingDecided"), ("globex/conversation/2", "ConversationClosed"), ("acme/conversation/1", "MessagePosted"),
        ];
        var written = new List<(string, string, long)>();
        foreach (var (stream, type) in plan)
        {
            var result = await Store.AppendAsync(stream, ExpectedVersion.Any, [NewEvent(type)]);
            written.Add((stream, type, result.LastPosition));
        }

        return written;
    }

    private static List<long> Positions(
        List<(string Stream, string Type, long Position)> written, string? workspace = null, string? category = null, string? type = null) =>
        written
            .Where(w => w.Stream.Split('/') is [var ws, var cat, _] && (workspace is null || ws == workspace) && (category is null || cat == category))
            .Where(w => type is null || w.Type == type)
            .Select(w => w.Position)
            .ToList();
}
