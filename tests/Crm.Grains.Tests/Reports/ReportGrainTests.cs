using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Reports;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Reports;

/// <summary>
/// The report projection over conversations driven through their grains with the fake clock: given the
/// <see cref="WeekendScenario"/>, when a report is asked for, then exact numbers in calendar and business time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportGrainTests(CrmClusterFixture cluster)
{
    private static DurationSummary Stats(int count, long average, long median, long p90) => new(count, average, median, p90);

    private static DurationSummary One(long seconds) => new(1, seconds, seconds, seconds);

    [Fact]
    public async Task GetAsync_WeekendScenario_ExactResponseAndResolutionTimesInCalendarAndBusinessTime()
    {
        var scenario = await PlayedAsync();

        var report = await ReportAsync(scenario, scenario.Friday.AddHours(-1), scenario.Friday.AddDays(4));

        // c1: 16:00 → 16:03 (the bot and the note do not count); c2: Fri 16:50 → Mon 09:10, 20 business minutes.
        Assert.Equal(new DurationMetric(Stats(2, 115_890, 180, 231_600), Stats(2, 690, 180, 1_200)), report.FirstResponse);
        // c1 reopened by the customer at Fri 17:00 (closing time) and answered Mon 09:30; the Saturday message joins that wait.
        Assert.Equal(new DurationMetric(One(232_200), One(1_800)), report.NextResponse);
        // c1: Fri 16:00 → Mon 10:00 (its final resolution, not the one at 16:10); c2: Fri 16:50 → Mon 10:00.
        Assert.Equal(new DurationMetric(Stats(2, 236_100, 234_600, 237_600), Stats(2, 5_700, 4_200, 7_200)), report.Resolution);
        Assert.Equal((2, 2, 1, 1), (report.Opened, report.Resolved, report.ReopenedConversations, report.Reopens));
        Assert.Equal("UTC", report.BusinessTimeZoneId);
    }

    [Fact]
    public async Task GetAsync_WeekendScenario_VolumeByEveryDimensionAndCsatPerAgent()
    {
        var scenario = await PlayedAsync();

        var report = await ReportAsync(scenario, scenario.Friday.AddHours(-1), scenario.Friday.AddDays(4));

        Assert.Equal(
        [
            new VolumeRow(ReportDimension.Channel, "chat", "Chat", 1, 1),
            new VolumeRow(ReportDimension.Channel, "email", "Email", 1, 1),
            new VolumeRow(ReportDimension.Queue, "", "No queue", 1, 1),
            new VolumeRow(ReportDimension.Queue, "support", "support", 1, 1),
            new VolumeRow(ReportDimension.Agent, "alice", "Alice", 1, 1),
            new VolumeRow(ReportDimension.Agent, "bob", "Bob", 1, 1),
            new VolumeRow(ReportDimension.Label, "billing", "billing", 2, 2),
            new VolumeRow(ReportDimension.Label, "refund", "refund", 1, 1),
        ], report.Volume);
        Assert.Equal(new CsatRow("", "All agents", 2, 1, 4.0, 50.0), report.Csat);
        Assert.Equal([new CsatRow("alice", "Alice", 1, 1, 5.0, 100.0), new CsatRow("bob", "Bob", 1, 0, 3.0, 0.0)], report.CsatByAgent);
        Assert.Equal(ReportDefinitions.All, report.Definitions);
    }

    [Fact]
    public async Task GetAsync_RangeEndingBeforeMonday_CountsOnlyWhatHappenedInsideIt()
    {
        var scenario = await PlayedAsync();

        var report = await ReportAsync(scenario, scenario.Friday.AddHours(-1), scenario.Monday);

        Assert.Equal(new DurationMetric(One(180), One(180)), report.FirstResponse);
        Assert.Equal(0, report.NextResponse.Calendar.Count);
        // c1 was resolved at 16:10, but that is not its final resolution: it counts on Monday, where its last one falls.
        Assert.Equal(new DurationMetric(DurationSummary.Empty, DurationSummary.Empty), report.Resolution);
        Assert.Equal((2, 0, 0), (report.Opened, report.Resolved, report.Csat.Responses));
    }

    [Fact]
    public async Task GetAsync_Filters_SelectTheConversationsEveryMetricIsComputedOver()
    {
        var scenario = await PlayedAsync();
        var (from, to) = (scenario.Friday.AddHours(-1), scenario.Friday.AddDays(4));

        var bob = await ReportAsync(scenario, from, to, agentId: "bob");
        var email = await ReportAsync(scenario, from, to, channel: Channel.Email);
        var refund = await ReportAsync(scenario, from, to, label: " Refund ");
        var support = await ReportAsync(scenario, from, to, queueId: "support");

        foreach (var c2Only in new[] { bob, email, refund })
        {
            Assert.Equal(new DurationMetric(One(231_600), One(1_200)), c2Only.FirstResponse);
            Assert.Equal(new DurationMetric(One(234_600), One(4_200)), c2Only.Resolution);
            Assert.Equal([new CsatRow("bob", "Bob", 1, 0, 3.0, 0.0)], c2Only.CsatByAgent);
        }
        Assert.Equal("refund", refund.Query.Label);
        Assert.Equal(new DurationMetric(One(180), One(180)), support.FirstResponse);
        Assert.Equal(1, support.NextResponse.Calendar.Count);
    }

    [Fact]
    public async Task GetAsync_AfterTheGrainIsDeactivated_RebuildsTheSameReportFromTheStore()
    {
        var scenario = await PlayedAsync();
        var grain = cluster.Grains.GetGrain<IReportGrain>(scenario.WorkspaceId);
        var query = new ReportQuery(scenario.Friday.AddHours(-1), scenario.Friday.AddDays(4));
        var before = await grain.GetAsync(query);

        await cluster.DeactivateAsync(grain);
        var after = await grain.GetAsync(query);

        // The position is the store's, shared by every workspace: other tests' (and timers') events may land between the
        // two reads and move it on, but nothing of this workspace did, so the figures must be the same.
        Assert.True(after.AsOfPosition >= before.AsOfPosition, $"{after.AsOfPosition} < {before.AsOfPosition}");
        Assert.Equal((before.FirstResponse, before.NextResponse, before.Resolution, before.Csat), (after.FirstResponse, after.NextResponse, after.Resolution, after.Csat));
        Assert.Equal(before.Volume, after.Volume);
        Assert.Equal(before.CsatByAgent, after.CsatByAgent);
    }

    [Fact]
    public async Task GetAsync_EventsCommittedAfterAnEarlierReport_IncludedInTheNextAnswer()
    {
        var scenario = await PlayedAsync();
        var query = new ReportQuery(scenario.Friday.AddHours(-1), scenario.Friday.AddDays(4));
        var grain = cluster.Grains.GetGrain<IReportGrain>(scenario.WorkspaceId);
        var before = await grain.GetAsync(query);

        await scenario.Conversation("c3").OpenAsync(new OpenConversation("cust-3", "Alan", Channel.WebForm, "Hi", null, "customer:cust-3"));
        var after = await grain.GetAsync(query);

        Assert.Equal(before.Opened + 1, after.Opened);
        Assert.True(after.AsOfPosition > before.AsOfPosition);
        Assert.Contains(new VolumeRow(ReportDimension.Channel, "web-form", "Web form", 1, 0), after.Volume);
    }

    [Fact]
    public async Task GetAsync_ResolvedBeforeAnyHumanReply_NoFirstResponseAndTheReopeningWaitIsANextResponse()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c1"));
        var start = cluster.Clock.GetUtcNow();
        await conversation.OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Hi", null, "customer:cust-1"));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Customer1, "Where is my order?"));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Bot, "It ships tomorrow."));
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, WeekendScenario.Bot));
        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Customer1, "It did not."));
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Alice, "Sorry, checking."));

        var report = await cluster.Grains.GetGrain<IReportGrain>(workspaceId).GetAsync(new ReportQuery(start, start.AddDays(1)));

        Assert.Equal(0, report.FirstResponse.Calendar.Count);
        Assert.Equal(One(120), report.NextResponse.Calendar);
        Assert.Equal((0, 1), (report.Resolved, report.Opened));
    }

    [Fact]
    public async Task GetAsync_AnotherWorkspaceWhoseIdExtendsThisOne_NeverIncluded()
    {
        var scenario = await PlayedAsync();
        // Its stream ids start with this workspace's id: only the '/' after the id keeps them apart.
        var neighbour = scenario.WorkspaceId + "x";
        var stranger = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(neighbour, "c1"));
        await stranger.OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Hi", null, "customer:cust-1"));
        await stranger.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Customer1, "Hello?"));
        await stranger.PostMessageAsync(new PostMessage(Guid.NewGuid(), WeekendScenario.Alice, "Hi!"));
        await stranger.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, WeekendScenario.Alice));
        await stranger.RateAsync(new RateConversation(1, null, WeekendScenario.Customer1));

        var report = await ReportAsync(scenario, scenario.Friday.AddHours(-1), scenario.Friday.AddDays(30));
        var theirs = await cluster.Grains.GetGrain<IReportGrain>(neighbour).GetAsync(new ReportQuery(scenario.Friday, scenario.Friday.AddDays(30)));

        Assert.Equal((2, 2, 2, 2), (report.Opened, report.Resolved, report.FirstResponse.Calendar.Count, report.Csat.Responses));
        Assert.Equal((1, 1, 1, 1), (theirs.Opened, theirs.Resolved, theirs.FirstResponse.Calendar.Count, theirs.Csat.Responses));
    }

    public static TheoryData<string, int, int, string> BadQueries => new()
    {
        { "empty", 0, 0, "must be before 'to'" },
        { "reversed", 0, -1, "must be before 'to'" },
        { "too long", 0, 401, "at most 400 days" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task GetAsync_BadRange_InvalidWithTheRule(string _, int fromDays, int toDays, string rule)
    {
        var now = cluster.Clock.GetUtcNow();
        var grain = cluster.Grains.GetGrain<IReportGrain>(TestKeys.NewWorkspaceId());

        var error = await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(new ReportQuery(now.AddDays(fromDays), now.AddDays(toDays))));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public async Task GetAsync_MalformedFilters_Invalid()
    {
        var now = cluster.Clock.GetUtcNow();
        var grain = cluster.Grains.GetGrain<IReportGrain>(TestKeys.NewWorkspaceId());

        var label = await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(new ReportQuery(now, now.AddDays(1), Label: "=cmd")));
        var agent = await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(new ReportQuery(now, now.AddDays(1), AgentId: "../x")));

        Assert.Equal((DomainErrorKind.Invalid, DomainErrorKind.Invalid), (label.Kind, agent.Kind));
        Assert.Contains("label", label.Message);
        Assert.Contains("agent id", agent.Message);
    }

    private async Task<WeekendScenario> PlayedAsync()
    {
        var scenario = new WeekendScenario(cluster);
        await scenario.RunAsync();
        return scenario;
    }

    private Task<ReportDetails> ReportAsync(
        WeekendScenario scenario, DateTimeOffset from, DateTimeOffset to, Channel? channel = null, string? queueId = null, string? agentId = null, string? label = null) =>
        cluster.Grains.GetGrain<IReportGrain>(scenario.WorkspaceId).GetAsync(new ReportQuery(from, to, channel, queueId, agentId, label));
}
