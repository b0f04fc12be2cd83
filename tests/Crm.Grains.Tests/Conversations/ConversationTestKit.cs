using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.EventSourcing;
using Crm.Testing;
using Crm.Testing.Cluster;

namespace Crm.Grains.Tests.Conversations;

/// <summary>Given-steps shared by the conversation tests: a fresh workspace, an opened conversation, its stored events and inbox row.</summary>
internal sealed class ConversationTestKit(CrmClusterFixture cluster)
{
    public static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    public static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");

    public string WorkspaceId { get; } = TestKeys.NewWorkspaceId();

    public async Task<IConversationGrain> OpenedAsync(string id)
    {
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, id));
        await conversation.OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, Channel.Chat, "Order 42", null, Customer.Actor));
        return conversation;
    }

    public Task<IReadOnlyList<DomainEvent>> EventsAsync(string id) =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, id));

    /// <summary>The inbox takes one-way updates: read it with a deadline until the row matches.</summary>
    public async Task<ConversationSummary> InboxRowAsync(string conversationId, Func<ConversationSummary, bool> accept) =>
        (await Eventually.ReturnsAsync(
            () => cluster.Grains.GetGrain<IInboxGrain>(WorkspaceId).ListAsync(new InboxQuery()),
            rows => rows.Any(r => r.ConversationId == conversationId && accept(r)),
            $"inbox row {conversationId} to match")).Single(r => r.ConversationId == conversationId);
}
