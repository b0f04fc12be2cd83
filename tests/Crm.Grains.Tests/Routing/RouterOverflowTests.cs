using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>Work nobody in its queue can take waits, visibly; an overflow rule moves it on after the queue's time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterOverflowTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private static readonly TimeSpan After = TimeSpan.FromMinutes(2);

    private readonly RoutingTestKit kit = new(cluster);

    public async Task InitializeAsync()
    {
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded, TeamId: "support", OverflowAfter: After, OverflowQueueId: "backup"));
        await kit.ConfigureQueueAsync("backup", new QueuePolicy(AssignmentPolicy.RoundRobin, TeamId: "backup"));
        await kit.AgentAsync("bea", chats: 2, teams: ["backup"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SweepAsync_WaitedPastTheOverflowTime_MovesToTheOverflowQueueAndIsRouted()
    {
        var opened = await kit.OpenAsync("c1");
        await kit.AdvanceAsync(After - TimeSpan.FromSeconds(1));
        await kit.Router.SweepAsync();
        var before = await kit.Router.GetQueueAsync("support");

        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        await kit.Router.SweepAsync();

        await kit.AssignedAsync("c1", "bea");
        Assert.Equal((1, After - TimeSpan.FromSeconds(1)), (before.WaitingCount, before.LongestWait));
        Assert.Empty(await kit.WaitingAsync("support"));
        var overflowed = (await kit.RouterEventsAsync()).OfType<ConversationOverflowed>().Single();
        Assert.Equal(("c1", "support", "backup", opened.OpenedAt + After), (overflowed.ConversationId, overflowed.FromQueueId, overflowed.ToQueueId, overflowed.At));
    }

    [Fact]
    public async Task SweepAsync_AgentFreeInTheQueueBeforeTheOverflowTime_RoutedThereInstead()
    {
        await kit.OpenAsync("c1");
        await kit.AdvanceAsync(TimeSpan.FromMinutes(1));

        await kit.AgentAsync("sue", chats: 1, teams: ["support"]);
        await kit.AssignedAsync("c1", "sue");
        await kit.AdvanceAsync(After);
        await kit.Router.SweepAsync();

        Assert.Equal("sue", (await kit.Conversation("c1").GetDetailsAsync()).AssigneeId);
        Assert.DoesNotContain(await kit.RouterEventsAsync(), e => e is ConversationOverflowed);
    }

    [Theory]
    [InlineData(AssignmentPolicy.Manual, 30, null, null, "Offers need")]
    [InlineData(AssignmentPolicy.LeastLoaded, 1, null, null, "offer timeout")]
    [InlineData(AssignmentPolicy.LeastLoaded, null, 300, null, "both a time and a queue")]
    [InlineData(AssignmentPolicy.LeastLoaded, null, 300, "support", "into itself")]
    [InlineData(AssignmentPolicy.LeastLoaded, null, 1, "backup", "Overflow must come after")]
    public async Task ConfigureQueueAsync_InvalidPolicy_RefusedAndNothingWritten(AssignmentPolicy assignment, int? offerSeconds, int? overflowSeconds, string? overflowTo, string mentioned)
    {
        await kit.BoardAsync();
        var before = (await kit.RouterEventsAsync()).Count;
        var policy = new QueuePolicy(assignment, null, null,
            offerSeconds is { } o ? TimeSpan.FromSeconds(o) : null, overflowSeconds is { } f ? TimeSpan.FromSeconds(f) : null, overflowTo);

        var refused = await Assert.ThrowsAsync<DomainException>(() => kit.Router.ConfigureQueueAsync(new ConfigureQueue("support", policy, RoutingTestKit.Admin)));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains(mentioned, refused.Message);
        Assert.Equal(before, (await kit.RouterEventsAsync()).Count);
    }

    [Fact]
    public async Task ConfigureQueueAsync_SamePolicyAgainInAnotherSpelling_WritesNothing()
    {
        await kit.BoardAsync();
        var before = (await kit.RouterEventsAsync()).Count;

        await kit.ConfigureQueueAsync("backup", new QueuePolicy(AssignmentPolicy.RoundRobin, TeamId: "Backup", RequiredSkills: []));

        Assert.Equal(before, (await kit.RouterEventsAsync()).Count);
    }
}
