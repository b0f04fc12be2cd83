using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Customers.Events;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Deals.Events;
using Crm.Grains.KnowledgeBase.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Silo.Tests.Search;

/// <summary>Stored events as the store hands them to the indexer: real event types through the real serializer, positions in order.</summary>
public sealed class SearchEvents
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, long> versions = [];

    public long Position { get; private set; }

    public StoredEvent Customer(string workspace, string id, string name, string? email = null, string? phone = null, string? company = null) =>
        Stored(StreamIds.For(StreamIds.CustomerCategory, workspace, id), new CustomerUpserted(name, email, phone, company));

    public StoredEvent Opened(string workspace, string id, string subject, string customerName, Channel channel = Channel.Chat) =>
        Stored(StreamIds.For(StreamIds.ConversationCategory, workspace, id),
            new ConversationOpened(workspace, id, "c-" + id, customerName, channel, subject, "support"));

    public StoredEvent Message(string workspace, string id, string body, MessageKind kind = MessageKind.Message) =>
        Stored(StreamIds.For(StreamIds.ConversationCategory, workspace, id),
            new MessagePosted(Position + 1, Guid.NewGuid(), new Author(AuthorKind.Customer, "c-" + id, "Customer"), body, kind));

    public StoredEvent Status(string workspace, string id, ConversationStatus to) =>
        Stored(StreamIds.For(StreamIds.ConversationCategory, workspace, id),
            new ConversationStatusChanged(Position + 1, ConversationStatus.Open, to, null, new Author(AuthorKind.Agent, "ann", "Ann")));

    public StoredEvent Labels(string workspace, string id, params string[] added) =>
        Stored(StreamIds.For(StreamIds.ConversationCategory, workspace, id), new ConversationLabelsChanged(added, []));

    public StoredEvent Assigned(string workspace, string id, string agentId, string agentName) =>
        Stored(StreamIds.For(StreamIds.ConversationCategory, workspace, id),
            new ConversationAssigned(Position + 1, agentId, agentName, new Author(AuthorKind.Agent, agentId, agentName)));

    public StoredEvent ArticleDrafted(string workspace, string id, string title, string body) =>
        Stored(StreamIds.For(StreamIds.ArticleCategory, workspace, id), new ArticleDrafted(id, title, "Billing", body));

    public StoredEvent ArticlePublished(string workspace, string id, string title, string body) =>
        Stored(StreamIds.For(StreamIds.ArticleCategory, workspace, id), new ArticlePublished(1, id, title, "Billing", body));

    public StoredEvent ArticleDeleted(string workspace, string id) =>
        Stored(StreamIds.For(StreamIds.ArticleCategory, workspace, id), new ArticleDeleted());

    public StoredEvent DealCreated(string workspace, string id, string title, string ownerId, decimal amount, string currency) =>
        Stored(StreamIds.For(StreamIds.DealCategory, workspace, id),
            new DealCreated(title, "sales", "lead", "Lead", 10, StageOutcome.Open, amount, currency, null, ownerId, [], null));

    public StoredEvent DealUpdated(string workspace, string id, string title, string ownerId, decimal amount, string currency) =>
        Stored(StreamIds.For(StreamIds.DealCategory, workspace, id), new DealUpdated(title, amount, currency, null, ownerId, [], null));

    public StoredEvent DealStageChanged(string workspace, string id, string stageId, string stageName, StageOutcome outcome) =>
        Stored(StreamIds.For(StreamIds.DealCategory, workspace, id), new DealStageChanged("lead", stageId, stageName, 100, outcome, null));

    private StoredEvent Stored(string streamId, DomainEvent @event)
    {
        Position++;
        var version = versions[streamId] = versions.GetValueOrDefault(streamId) + 1;
        var data = EventSerializer.ToEventData(@event with { At = Start.AddMinutes(Position), By = "test" });
        return new StoredEvent(streamId, version, Position, data.EventId, data.Type, data.Data, data.Actor, data.Timestamp);
    }
}
