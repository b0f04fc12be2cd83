using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Tests.Reports;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>Given conversation histories written straight to the store, and the report they must give, recomputed from the raw events.</summary>
internal static class ProjectionGivens
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust", "Customer");
    private static readonly Author Agent = new(AuthorKind.Agent, "alice", "Alice");

    /// <summary>Appends <paramref name="conversations"/> conversations of <paramref name="messagesEach"/> alternating customer and agent messages.</summary>
    public static async Task AppendConversationsAsync(CrmClusterFixture cluster, string workspaceId, int conversations, int messagesEach, string prefix = "c")
    {
        for (var c = 0; c < conversations; c++)
        {
            var id = $"{prefix}{c}";
            var events = new List<DomainEvent> { new ConversationOpened(workspaceId, id, "cust", "Customer", Channel.Chat, "Question", null) };
            for (var m = 1; m <= messagesEach; m++)
                events.Add(new MessagePosted(m, Guid.NewGuid(), m % 2 == 1 ? Customer : Agent, $"message {m}"));
            await cluster.AppendEventsAsync(StreamIds.For(StreamIds.ConversationCategory, workspaceId, id), "customer:cust", [.. events]);
        }
    }

    /// <summary>The whole-day report's figures must equal a recomputation from every conversation event stored for the workspace.</summary>
    public static async Task AssertEqualsRecomputationAsync(CrmClusterFixture cluster, string workspaceId, ReportDetails report)
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, workspaceId);
        var expected = new ReportRecomputation(await cluster.Store.ReadAllAsync(0, int.MaxValue, prefix)).For(report.Query);
        Assert.Equal(expected.Opened, report.Opened);
        Assert.Equal(expected.FirstResponse.Calendar.Count, report.FirstResponse.Calendar.Count);
        Assert.Equal(expected.NextResponse.Calendar.Count, report.NextResponse.Calendar.Count);
        Assert.Equal(expected.FirstResponse.Calendar, report.FirstResponse.Calendar);
    }

    public static ReportQuery WholeDay(CrmClusterFixture cluster) =>
        new(cluster.Clock.GetUtcNow().AddDays(-1), cluster.Clock.GetUtcNow().AddSeconds(1));
}
