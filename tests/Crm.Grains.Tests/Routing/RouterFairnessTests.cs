using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Grains.Tests.Routing;

/// <summary>Fair shares: round-robin takes turns; least-loaded fills agents at the same pace for their capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterFairnessTests(CrmClusterFixture cluster, ITestOutputHelper output)
{
    private readonly RoutingTestKit kit = new(cluster);

    [Fact]
    public async Task Plan_RoundRobinEqualCapacities_AgentsTakeTurnsAndSharesAreEqual()
    {
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.RoundRobin));
        foreach (var agent in new[] { "ann", "bob", "cat" }) await kit.AgentAsync(agent, chats: 10);

        foreach (var i in Enumerable.Range(1, 12)) await kit.OpenAsync($"c{i:00}");

        var order = await RoutedInOrderAsync(12);
        Assert.Equal(Enumerable.Repeat(new[] { "ann", "bob", "cat" }, 4).SelectMany(a => a), order);
        Assert.All(order.CountBy(a => a), share => Assert.Equal(4, share.Value));
    }

    [Fact]
    public async Task Plan_LeastLoadedEqualCapacitiesAfterUnevenResolves_NewWorkEvensTheSpread()
    {
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded));
        foreach (var agent in new[] { "ann", "bob", "cat" }) await kit.AgentAsync(agent, chats: 5);
        foreach (var i in Enumerable.Range(1, 9)) await kit.OpenAsync($"c{i}");
        var board = await Eventually.ReturnsAsync(kit.BoardAsync, b => b.Agents.Sum(a => a.ChatLoad) == 9, "nine chats handed out");
        Assert.All(board.Agents, a => Assert.Equal(3, a.ChatLoad));
        var ann = board.Agents.Single(a => a.AgentId == "ann").Conversations;
        await kit.ResolveAsync(ann[0], "ann");
        await kit.ResolveAsync(ann[1], "ann");
        await kit.ResolveAsync(board.Agents.Single(a => a.AgentId == "bob").Conversations[0], "bob");

        foreach (var i in Enumerable.Range(10, 3)) await kit.OpenAsync($"c{i}");

        var after = await Eventually.ReturnsAsync(kit.BoardAsync, b => b.Agents.Sum(a => a.ChatLoad) == 9, "the three new chats handed out");
        var loads = after.Agents.Select(a => a.ChatLoad).ToList();
        output.WriteLine($"loads after: {string.Join(", ", after.Agents.Select(a => $"{a.AgentId}={a.ChatLoad}"))}");
        Assert.Equal(0, loads.Max() - loads.Min());
    }

    [Fact]
    public async Task Plan_LeastLoadedMixedCapacities_EachFillsAtThePaceOfItsCapacity()
    {
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded));
        await kit.AgentAsync("ann", chats: 2);
        await kit.AgentAsync("bob", chats: 4);

        foreach (var i in Enumerable.Range(1, 7)) await kit.OpenAsync($"c{i}");

        Assert.Equal(["ann", "bob", "bob", "ann", "bob", "bob"], await RoutedInOrderAsync(6));
        Assert.Equal(["c7"], await kit.WaitingAsync());
    }

    private async Task<IReadOnlyList<string>> RoutedInOrderAsync(int count)
    {
        await Eventually.ReturnsAsync(kit.BoardAsync, b => b.Agents.Sum(a => a.ChatLoad) == count, $"{count} chats handed out");
        return [.. (await kit.RouterEventsAsync()).OfType<ConversationRouted>().Select(r => r.AgentId)];
    }
}
