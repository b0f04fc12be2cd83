using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>Status, assignment, priority, labels and notes: given a conversation, when an agent acts, then events and views.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationWorkflowTests(CrmClusterFixture cluster)
{
    private static readonly Author Customer = ConversationTestKit.Customer;
    private static readonly Author Alice = ConversationTestKit.Alice;

    private readonly ConversationTestKit kit = new(cluster);

    [Fact]
    public async Task ChangeStatusAsync_Resolve_RecordsAnActivityEntryInTheThreadSequence()
    {
        var conversation = await kit.OpenedAsync("c1");
        await Post(conversation, Customer, "Hello?");

        var details = await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        Assert.Equal((ConversationStatus.Resolved, 2L), (details.Status, details.LastSeq));
        var entry = (await conversation.GetMessagesAfterAsync(1)).Single();
        Assert.Equal((MessageKind.Activity, "Alice marked the conversation resolved"), (entry.Kind, entry.Body));
        var changed = Assert.IsType<ConversationStatusChanged>((await kit.EventsAsync("c1"))[^1]);
        Assert.Equal((ConversationStatus.Open, ConversationStatus.Resolved, "agent:alice"), (changed.From, changed.To, changed.By));
    }

    [Fact]
    public async Task PostMessageAsync_CustomerWritesIntoResolvedConversation_ReopensItInTheSameCommit()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        var message = await Post(conversation, Customer, "Actually, one more thing");

        var details = await conversation.GetDetailsAsync();
        Assert.Equal((2L, ConversationStatus.Open, 3L), (message.Seq, details.Status, details.LastSeq));
        Assert.Equal("Ada Lovelace reopened the conversation", (await conversation.GetMessagesAfterAsync(2)).Single().Body);
    }

    [Fact]
    public async Task ChangeStatusAsync_ClosedConversation_RefusedAndNothingWritten()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Closed, null, Alice));
        var before = (await kit.EventsAsync("c1")).Count;

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Open, null, Alice)));
        var refusedMessage = await Assert.ThrowsAsync<DomainException>(() => Post(conversation, Customer, "hello again"));

        Assert.Equal((DomainErrorKind.Conflict, DomainErrorKind.Conflict), (refused.Kind, refusedMessage.Kind));
        Assert.Equal(before, (await kit.EventsAsync("c1")).Count);
    }

    [Fact]
    public async Task AssignAsync_AssignThenReassign_OneAssigneeAtATimeAndEachChangeInTheThread()
    {
        var conversation = await kit.OpenedAsync("c1");

        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));
        var details = await conversation.AssignAsync(new AssignConversation("bob", "Bob", Alice));

        Assert.Equal(("bob", "Bob", 2L), (details.AssigneeId, details.AssigneeName, details.LastSeq));
        Assert.Equal(
            ["Alice assigned the conversation to Alice", "Alice assigned the conversation to Bob"],
            (await conversation.GetMessagesAfterAsync(0)).Select(m => m.Body));
    }

    [Fact]
    public async Task PostMessageAsync_NoteWithMentions_KeptAsNoteWithValidatedMentions()
    {
        var conversation = await kit.OpenedAsync("c1");

        var note = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "@bob can you check the invoice?", MessageKind.Note, ["bob", "bob"]));

        Assert.Equal((MessageKind.Note, 1L), (note.Kind, note.Seq));
        Assert.Equal(["bob"], note.Mentions!);
        await Assert.ThrowsAsync<DomainException>(() =>
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "sneaky", MessageKind.Note)));
    }

    [Fact]
    public async Task SetPriorityAndChangeLabels_Changes_ShowInDetailsAndInboxSummary()
    {
        var conversation = await kit.OpenedAsync("c1");

        await conversation.SetPriorityAsync(new SetPriority(Priority.Urgent, Alice));
        var details = await conversation.ChangeLabelsAsync(new ChangeLabels([" VIP ", "billing"], [], Alice));
        details = await conversation.ChangeLabelsAsync(new ChangeLabels([], ["billing"], Alice));

        Assert.Equal(Priority.Urgent, details.Priority);
        Assert.Equal(["vip"], details.Labels!);
        var row = await kit.InboxRowAsync("c1", r => r.Priority == Priority.Urgent && r.Labels is ["vip"]);
        Assert.Equal(0, row.LastSeq);
    }

    [Fact]
    public async Task Summary_CustomerWaitsUntilAnAgentReplies_WaitingSinceSetThenCleared()
    {
        var conversation = await kit.OpenedAsync("c1");

        await Post(conversation, Customer, "Anyone there?");
        var waiting = await kit.InboxRowAsync("c1", r => r.LastSeq == 1);
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "internal: checking", MessageKind.Note));
        var stillWaiting = await kit.InboxRowAsync("c1", r => r.LastSeq == 2);
        await Post(conversation, Alice, "Yes, how can I help?");
        var answered = await kit.InboxRowAsync("c1", r => r.LastSeq == 3);

        Assert.Equal(cluster.Clock.GetUtcNow(), waiting.WaitingSince);
        Assert.Equal(waiting.WaitingSince, stillWaiting.WaitingSince);
        Assert.Null(answered.WaitingSince);
    }

    [Fact]
    public async Task ReceiveReminder_SnoozeFiresEarlyThenWhenDue_WakesOnlyWhenDueAndRecordsIt()
    {
        var conversation = await kit.OpenedAsync("c1");
        var until = cluster.Clock.GetUtcNow().AddHours(1);
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Snoozed, until, Alice));
        var timer = conversation.AsReference<IRemindable>();

        await timer.ReceiveReminder("snooze", default);
        var early = await conversation.GetDetailsAsync();
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await timer.ReceiveReminder("snooze", default);
        var woken = await conversation.GetDetailsAsync();

        Assert.Equal((ConversationStatus.Snoozed, until), (early.Status, early.SnoozedUntil));
        Assert.Equal((ConversationStatus.Open, (DateTimeOffset?)null), (woken.Status, woken.SnoozedUntil));
        var entry = (await conversation.GetMessagesAfterAsync(1)).Single();
        Assert.Equal(("The snooze ended: the conversation is open again", AuthorKind.System), (entry.Body, entry.Author.Kind));
    }

    private static Task<MessageDetails> Post(IConversationGrain conversation, Author author, string body) =>
        conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), author, body));
}
