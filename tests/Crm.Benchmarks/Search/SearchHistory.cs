using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Benchmarks.Search;

/// <summary>
/// Writes <see cref="SearchWorkspace"/> into the event store as the grains would have: one <c>CustomerUpserted</c> per
/// customer stream, and per conversation its opening and its messages (internal notes as notes). Customers and
/// conversations are interleaved, so every page of the log mixes both kinds as a live workspace's does.
/// </summary>
public static class SearchHistory
{
    private const int Writers = 32;

    public static async Task<long> WriteAsync(IEventStore store, SearchProfile profile, Action<string> log)
    {
        long total = profile.Customers + profile.Conversations;
        long next = -1;
        var step = Math.Max(1, total / 10);
        var writers = Enumerable.Range(0, Writers).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref next); n < total; n = Interlocked.Increment(ref next))
            {
                // Item n is the conversation numbered floor(n·V/T) when that count steps at n, else the next customer.
                var conversationsBefore = n * profile.Conversations / total;
                var isConversation = (n + 1) * profile.Conversations / total > conversationsBefore;
                if (isConversation) await AppendConversationAsync(store, SearchWorkspace.ConversationAt(conversationsBefore, profile.Customers));
                else await AppendCustomerAsync(store, SearchWorkspace.CustomerAt(n - conversationsBefore));
                if (n % step == 0 && n > 0) log($"  history: {n:N0} of {total:N0} streams written");
            }
        });
        await Task.WhenAll(writers);
        return await store.GetHeadPositionAsync();
    }

    private static Task AppendCustomerAsync(IEventStore store, SearchWorkspace.Customer customer)
    {
        var upserted = new CustomerUpserted(customer.Name, customer.Email, customer.Phone, customer.Company) { At = customer.At, By = "system:bench" };
        return store.AppendAsync(StreamIds.For(StreamIds.CustomerCategory, customer.WorkspaceId, customer.Id), ExpectedVersion.NoStream,
            [EventSerializer.ToEventData(upserted)]);
    }

    private static Task AppendConversationAsync(IEventStore store, SearchWorkspace.Conversation conversation)
    {
        var customer = new Author(AuthorKind.Customer, conversation.CustomerId, conversation.CustomerName);
        var agent = new Author(AuthorKind.Agent, "agent-1", "Agent One");
        var events = new List<DomainEvent>
        {
            new ConversationOpened(conversation.WorkspaceId, conversation.Id, conversation.CustomerId, conversation.CustomerName, Channel.Chat,
                conversation.Subject, null),
        };
        var seq = 0;
        foreach (var message in conversation.Messages)
        {
            var author = message.FromCustomer ? customer : agent;
            events.Add(new MessagePosted(++seq, Guid.NewGuid(), author, message.Body, message.IsNote ? MessageKind.Note : MessageKind.Message));
        }

        return store.AppendAsync(StreamIds.For(StreamIds.ConversationCategory, conversation.WorkspaceId, conversation.Id), ExpectedVersion.NoStream,
            [.. events.Select((e, i) => EventSerializer.ToEventData(e with { At = conversation.At.AddSeconds(i * 30), By = "system:bench" }))]);
    }
}
