using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Grains.EventSourcing;
using Crm.Grains.SavedViews.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.SavedViews;

[Collection(ClusterCollection.Name)]
public sealed class SavedViewsGrainTests(CrmClusterFixture cluster)
{
    private static readonly SavedView HotLeads = new(
        " Hot leads ", new Dictionary<string, string> { ["tag"] = "hot", ["owner"] = "sam", ["q"] = "  " }, "-updated", ["name", "email"]);

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private ISavedViewsGrain Views(string agentId = "sam") => cluster.Grains.GetGrain<ISavedViewsGrain>(GrainKeys.Scoped(workspaceId, agentId));

    [Fact]
    public async Task SaveAsync_NewView_StoredTrimmedWithBlankFiltersLeftOutAndOneEvent()
    {
        var views = await Views().SaveAsync(new SaveView("customers", HotLeads, "agent:sam"));

        var view = Assert.Single(views);
        Assert.Equal("Hot leads", view.Name);
        Assert.Equal(["owner", "tag"], view.Filters.Keys.Order());
        Assert.Equal("-updated", view.Sort);
        Assert.Equal(["name", "email"], view.Columns);
        Assert.Empty(await Views().GetAsync("deals"));
        var saved = Assert.IsType<SavedViewSaved>(Assert.Single(await Events()));
        Assert.Equal(("customers", "agent:sam"), (saved.List, saved.By));
    }

    [Fact]
    public async Task SaveAsync_SameNameOtherCase_ReplacesAndSameViewAgainWritesNothing()
    {
        await Views().SaveAsync(new SaveView("deals", HotLeads, "agent:sam"));
        await Views().SaveAsync(new SaveView("deals", HotLeads, "agent:sam"));

        var views = await Views().SaveAsync(new SaveView("deals", HotLeads with { Name = "HOT LEADS", Sort = "amount" }, "agent:sam"));

        Assert.Equal(("HOT LEADS", "amount"), (Assert.Single(views).Name, views[0].Sort));
        Assert.Equal(2, (await Events()).Count);
    }

    [Fact]
    public async Task DeleteAsync_SavedView_RemovedAndUnknownNameIs404()
    {
        await Views().SaveAsync(new SaveView("companies", HotLeads, "agent:sam"));

        Assert.Empty(await Views().DeleteAsync(new DeleteView("companies", "hot leads", "agent:sam")));

        var missing = await Assert.ThrowsAsync<DomainException>(() => Views().DeleteAsync(new DeleteView("companies", "hot leads", "agent:sam")));
        Assert.Equal(DomainErrorKind.NotFound, missing.Kind);
        Assert.IsType<SavedViewDeleted>((await Events())[^1]);
    }

    [Fact]
    public async Task Views_OfOneUser_AreNotAnothers()
    {
        await Views("sam").SaveAsync(new SaveView("customers", HotLeads, "agent:sam"));

        Assert.Empty(await Views("alex").GetAsync("customers"));
        Assert.Empty(await cluster.Grains.GetGrain<ISavedViewsGrain>(GrainKeys.Scoped(TestKeys.NewWorkspaceId(), "sam")).GetAsync("customers"));
    }

    public static TheoryData<string, SavedView, string> BadViews => new()
    {
        { "tickets", HotLeads, "'tickets' is not a list with saved views" },
        { "customers", HotLeads with { Name = "  " }, "A view needs a name." },
        { "customers", HotLeads with { Name = new string('n', 81) }, "at most 80 characters" },
        { "customers", HotLeads with { Sort = new string('s', 201) }, "The sort is longer than 200 characters." },
        { "customers", HotLeads with { Columns = Enumerable.Range(0, 31).Select(i => $"c{i}").ToList() }, "at most 30 columns" },
        { "customers", HotLeads with { Filters = Enumerable.Range(0, 21).ToDictionary(i => $"f{i}", _ => "x") }, "at most 20 filters" },
    };

    [Theory]
    [MemberData(nameof(BadViews))]
    public async Task SaveAsync_BadView_RefusedWithTheReasonAndNothingStored(string list, SavedView view, string reason)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Views().SaveAsync(new SaveView(list, view, "agent:sam")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains(reason, refused.Message);
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task SaveAsync_PastTheLimit_RefusedButReplacingAnExistingOneStillWorks()
    {
        for (var i = 0; i < SavedViewLists.MaxViews; i++)
            await Views().SaveAsync(new SaveView("deals", HotLeads with { Name = $"view {i}" }, "agent:sam"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Views().SaveAsync(new SaveView("deals", HotLeads with { Name = "one more" }, "agent:sam")));
        var replaced = await Views().SaveAsync(new SaveView("deals", HotLeads with { Name = "view 7", Sort = "title" }, "agent:sam"));

        Assert.Contains("delete one first", refused.Message);
        Assert.Equal(SavedViewLists.MaxViews, replaced.Count);
    }

    private Task<IReadOnlyList<DomainEvent>> Events() =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.SavedViewsCategory, workspaceId, "sam"));
}
