using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Conversations.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>
/// Who sees what in a thread, decided by the grain: whispers (an assignee to whisper to, who reads them), a note's
/// @mentions, and the customer's gap-free view of a thread that notes and activities also number.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationThreadRulesTests(CrmClusterFixture cluster)
{
    private static readonly Author Customer = ConversationTestKit.Customer;
    private static readonly Author Alice = ConversationTestKit.Alice;
    private static readonly Author Sam = new(AuthorKind.Agent, "sam", "Sam Supervisor");

    private readonly ConversationTestKit kit = new(cluster);

    [Fact]
    public async Task PostMessageAsync_WhisperWithNobodyAssigned_RefusedAsConflictAndNothingWritten()
    {
        var conversation = await kit.OpenedAsync("c1");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Sam, "take this one gently", MessageKind.Whisper)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains("no one to whisper to", refused.Message);
        Assert.IsType<ConversationOpened>(Assert.Single(await kit.EventsAsync("c1")));
    }

    [Fact]
    public async Task ReadThreadAsync_Whisper_AssigneeAuthorAndSupervisorsSeeItOtherAgentsNever()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Sam));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "hello"));
        var whisper = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Sam, "offer the refund", MessageKind.Whisper));

        async Task<bool> Sees(string agentId, bool supervises) =>
            (await conversation.ReadThreadAsync(new ReadThread(0, new ThreadReader(agentId, supervises)))).Any(m => m.Seq == whisper.Seq);

        Assert.True(await Sees("alice", supervises: false), "the assignee reads the whisper");
        Assert.True(await Sees("sam", supervises: false), "its author reads it");
        Assert.True(await Sees("mia", supervises: true), "another supervisor reads it");
        Assert.False(await Sees("bob", supervises: false), "another agent never does");

        // Judged against the assignee when reading: reassigned, the old assignee no longer sees it.
        await conversation.AssignAsync(new AssignConversation("bob", "Bob", Sam));
        Assert.True(await Sees("bob", supervises: false));
        Assert.False(await Sees("alice", supervises: false));
    }

    [Fact]
    public async Task PostMessageAsync_NoteNamingTeammates_GrainFindsTheMentionsOfTeammatesOnly()
    {
        var conversation = await kit.OpenedAsync("c1");

        var note = await conversation.PostMessageAsync(new PostMessage(
            Guid.NewGuid(), Alice, "@Bob and @stranger, see mail@example.com and @bob again", MessageKind.Note, Teammates: ["alice", "bob"]));

        Assert.Equal(["bob"], note.Mentions!);
    }

    [Fact]
    public async Task PostMessageAsync_EmptyClientMessageId_RefusedByTheGrainWhateverTheKind()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Sam));

        foreach (var (author, kind) in new[] { (Customer, MessageKind.Message), (Alice, MessageKind.Note), (Sam, MessageKind.Whisper) })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.PostMessageAsync(new PostMessage(Guid.Empty, author, "hi", kind)));
            Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        }
    }

    [Fact]
    public async Task PostMessageAsync_NotesAndActivitiesBetween_EachCustomerVisibleMessageNamesThePreviousOne()
    {
        var conversation = await kit.OpenedAsync("c1");

        var hello = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "hello"));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "looks like a refund", MessageKind.Note));
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));
        var reply = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "Hi! Let me check."));
        var thanks = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "thanks"));

        Assert.Equal((1L, 0L), (hello.Seq, hello.PreviousCustomerSeq));
        Assert.Equal((4L, 1L), (reply.Seq, reply.PreviousCustomerSeq));
        Assert.Equal((5L, 4L), (thanks.Seq, thanks.PreviousCustomerSeq));
        // The same after a rebuild from the store: the chain is folded from the events, not stored apart.
        var thread = await conversation.GetMessagesAfterAsync(0);
        Assert.Equal([0L, 1L, 1L, 1L, 4L], thread.Select(m => m.PreviousCustomerSeq));
    }
}
