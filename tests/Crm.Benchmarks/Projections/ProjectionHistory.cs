using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;

namespace Crm.Benchmarks.Projections;

/// <summary>
/// Writes the history the benchmark measures on, straight into a SQLite store: per workspace, chat conversations of 40
/// events (opened, then customer and agent messages), each linked from a customer stream (the sparse "customer" category
/// a search indexer reads, about 5% of the log), spread over the workspaces round-robin so every page of the log mixes
/// them. It also registers every workspace's projection partitions (empty snapshot markers), so Crm.Web runs them all
/// from its start, as it would for workspaces in use.
/// </summary>
public static class ProjectionHistory
{
    public const string Category = StreamIds.CustomerCategory;
    private const int MessagesPerConversation = 39;
    private const int Writers = 8;

    private static readonly Author Customer = new(AuthorKind.Customer, "cust", "Customer");
    private static readonly Author Agent = new(AuthorKind.Agent, "agent-1", "Agent One");

    public static async Task<long> BuildAsync(string dataPath, ProjectionsProfile profile, Action<string> log)
    {
        var options = new EventStoreOptions { DataPath = dataPath };
        var workspaces = profile.WorkspaceIds.ToArray();
        var perConversation = MessagesPerConversation + 1 + 2;
        var conversations = profile.Events / perConversation;
        long next = -1;
        await using (var store = new SqliteEventStore(options))
        {
            var writers = Enumerable.Range(0, Writers).Select(async _ =>
            {
                for (var n = Interlocked.Increment(ref next); n < conversations; n = Interlocked.Increment(ref next))
                {
                    var workspaceId = workspaces[n % workspaces.Length];
                    await AppendConversationAsync(store, workspaceId, $"c{n}", $"cust-{n}");
                    if (n % 5_000 == 0 && n > 0) log($"  history: {n * perConversation:N0} events");
                }
            });
            await Task.WhenAll(writers);
            var head = await store.GetHeadPositionAsync();
            var markers = new SqliteSnapshotStore(options);
            string[] kinds = [ProjectionKinds.Inbox, ProjectionKinds.Roster, ProjectionKinds.Reports, ProjectionKinds.Router, ProjectionKinds.MailOutbox];
            foreach (var workspaceId in workspaces)
            foreach (var kind in kinds)
                await markers.SaveAsync(new Snapshot(ProjectionWakeList.KeyOf($"{kind}/{workspaceId}"), 0, 0, []));
            return head;
        }
    }

    private static async Task AppendConversationAsync(IEventStore store, string workspaceId, string conversationId, string customerId)
    {
        var at = DateTimeOffset.UtcNow;
        var events = new List<DomainEvent> { new ConversationOpened(workspaceId, conversationId, customerId, "Customer", Channel.Chat, "Order question", null) };
        for (var m = 1; m <= MessagesPerConversation; m++)
            events.Add(new MessagePosted(m, Guid.NewGuid(), m % 2 == 1 ? Customer : Agent, $"Message {m} about the order, with a few words in it."));
        await store.AppendAsync(StreamIds.For(StreamIds.ConversationCategory, workspaceId, conversationId), ExpectedVersion.NoStream,
            [.. events.Select(e => EventSerializer.ToEventData(e with { At = at, By = "customer:" + customerId }))]);
        DomainEvent[] customer = [new CustomerUpserted("Customer", $"{customerId}@example.com", null, null), new CustomerConversationLinked(conversationId)];
        await store.AppendAsync(StreamIds.For(Category, workspaceId, customerId), ExpectedVersion.NoStream,
            [.. customer.Select(e => EventSerializer.ToEventData(e with { At = at, By = "system:bench" }))]);
    }
}
