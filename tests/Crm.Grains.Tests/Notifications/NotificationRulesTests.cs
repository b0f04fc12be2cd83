using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Notifications;
using Crm.Grains.Routing.Events;
using Xunit;

namespace Crm.Grains.Tests.Notifications;

/// <summary>Given a conversation's events, when the next one is folded, then who hears of it (without a cluster).</summary>
public sealed class NotificationRulesTests
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    private static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");
    private static readonly Author Bob = new(AuthorKind.Agent, "bob", "Bob");

    private readonly Dictionary<string, TrackedConversation> _tracked = [];
    private long _position;

    public NotificationRulesTests() =>
        Fold(new ConversationOpened("ws", "c1", "cust-1", "Ada Lovelace", Channel.Chat, "Order 42", null));

    [Fact]
    public void Apply_AssignedBySomeoneElse_OneAssignedForTheAssigneeOnly()
    {
        var notes = Fold(new ConversationAssigned(1, "alice", "Alice", Bob));

        var note = Assert.Single(notes);
        Assert.Equal(("alice", NotificationKind.Assigned, "Ada Lovelace · Order 42"), (note.AgentId, note.Notification.Kind, note.Notification.Body));
    }

    [Fact]
    public void Apply_AgentAssignsThemselves_Nothing() => Assert.Empty(Fold(new ConversationAssigned(1, "alice", "Alice", Alice)));

    [Fact]
    public void Apply_OfferThenAcceptedAssignment_OneOfferedOnly()
    {
        var offered = Fold(new ConversationOffered("c1", "alice", DateTimeOffset.UnixEpoch));
        var assigned = Fold(new ConversationAssigned(1, "alice", "Alice", new Author(AuthorKind.System, "router", "Router")));

        Assert.Equal(NotificationKind.Offered, Assert.Single(offered).Notification.Kind);
        Assert.Empty(assigned);
    }

    [Fact]
    public void Apply_CustomerRepliesOnAnAssignedConversation_OneForTheAssignee()
    {
        Fold(new ConversationAssigned(1, "alice", "Alice", Alice));

        var note = Assert.Single(Fold(new MessagePosted(2, Guid.NewGuid(), Customer, "Any news?")));
        Assert.Equal(("alice", NotificationKind.CustomerReplied, "Any news?"), (note.AgentId, note.Notification.Kind, note.Notification.Body));
        Assert.Empty(Fold(new MessagePosted(3, Guid.NewGuid(), Alice, "Yes")));
    }

    [Fact]
    public void Apply_CustomerWritesUnassigned_Nothing() => Assert.Empty(Fold(new MessagePosted(1, Guid.NewGuid(), Customer, "Hello?")));

    [Fact]
    public void Apply_NoteMentioningBobAndItsAuthor_OneForBob()
    {
        var note = Assert.Single(Fold(new MessagePosted(1, Guid.NewGuid(), Alice, "@bob @alice look", MessageKind.Note, ["bob", "alice", "bob"])));

        Assert.Equal(("bob", NotificationKind.Mentioned), (note.AgentId, note.Notification.Kind));
    }

    [Fact]
    public void Apply_ReplayedEvent_SameIdAndSourcePosition()
    {
        Fold(new ConversationAssigned(1, "alice", "Alice", Alice));
        var first = Assert.Single(NotificationRules.Apply(_tracked, "c1", new MessagePosted(2, Guid.NewGuid(), Customer, "Hi"), 42));
        var again = Assert.Single(NotificationRules.Apply(_tracked, "c1", new MessagePosted(2, Guid.NewGuid(), Customer, "Hi"), 42));

        Assert.Equal((first.Notification.Id, 42L), (again.Notification.Id, again.Notification.SourcePosition));
    }

    [Fact]
    public void Apply_MoreConversationsThanTracked_StaysBounded()
    {
        for (var i = 0; i < NotificationRules.MaxTracked + 5; i++)
            NotificationRules.Apply(_tracked, $"x{i}", new ConversationOpened("ws", $"x{i}", "c", "C", Channel.Chat, "", null), ++_position);

        Assert.True(_tracked.Count <= NotificationRules.MaxTracked, $"tracked {_tracked.Count}");
        Assert.Contains($"x{NotificationRules.MaxTracked + 4}", _tracked.Keys);
    }

    private IReadOnlyList<AgentNotification> Fold(Crm.Grains.EventSourcing.DomainEvent @event) =>
        NotificationRules.Apply(_tracked, "c1", @event, ++_position);
}
