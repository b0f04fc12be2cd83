using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Sla;
using Crm.Grains.Workspaces;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(CrmClusterFixture cluster)
{
    private const string CustomerId = "cust-1";
    private static readonly Author Customer = new(AuthorKind.Customer, CustomerId, "Ada Lovelace");
    private static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");
    private static readonly Author Bob = new(AuthorKind.Agent, "bob", "Bob");

    // xUnit makes a new instance per test, so each test has a workspace of its own.
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    [Fact]
    public async Task OpenAsync_SameIdAndCustomerAgain_ReturnsTheSameConversationAndWritesNothing()
    {
        var conversation = Conversation("c1");
        var first = await conversation.OpenAsync(Open(CustomerId));

        var again = await conversation.OpenAsync(Open(CustomerId) with { Subject = "a retry may differ in details" });

        // Views carry lists (labels), which records compare by reference: compare them apart.
        Assert.Equal(first with { Labels = null }, again with { Labels = null });
        Assert.Equal(first.Labels, again.Labels);
        // A workspace that never configured an SLA measures by the defaults: first response due first.
        var openedAt = cluster.Clock.GetUtcNow();
        var firstResponseDue = new SlaClock(SlaDefaults.Policy, SlaDefaults.Calendar).NextBreachAt(SlaFacts.Opened(Priority.Normal, openedAt), openedAt);
        Assert.Equal(new ConversationDetails(workspaceId, "c1", CustomerId, "Ada Lovelace", Channel.Chat, "Order 42",
            ConversationStatus.Open, null, openedAt, 0, SlaDueAt: firstResponseDue), again with { Labels = null });
        var opened = Assert.IsType<ConversationOpened>(Assert.Single(await Events("c1")));
        Assert.Equal(("customer:cust-1", CustomerId), (opened.By, opened.CustomerId));
    }

    [Fact]
    public async Task OpenAsync_SameIdForAnotherCustomer_RefusedAsConflictAndFirstKept()
    {
        var conversation = Conversation("c1");
        await conversation.OpenAsync(Open(CustomerId));

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.OpenAsync(Open("cust-2")));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(CustomerId, (await conversation.GetDetailsAsync()).CustomerId);
        Assert.Single(await Events("c1"));
    }

    [Fact]
    public async Task OpenAsync_InvalidCustomerId_RefusedAsInvalidAndNothingWritten()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Conversation("c1").OpenAsync(Open("Not A Slug")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains("customer id", refused.Message);
        Assert.Empty(await Events("c1"));
    }

    [Fact]
    public async Task PostMessageAsync_ThreeMessages_AssignsSeq1To3InOrder()
    {
        var conversation = await OpenedAsync("c1");

        var posted = new List<MessageDetails>();
        foreach (var (author, body) in new[] { (Customer, "Hi"), (Alice, "Hello, how can I help?"), (Customer, "My order") })
            posted.Add(await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), author, body)));

        Assert.Equal([1L, 2L, 3L], posted.Select(m => m.Seq));
        Assert.Equal(posted, await conversation.GetMessagesAfterAsync(0));
        Assert.Equal(3, (await conversation.GetDetailsAsync()).LastSeq);
        Assert.Equal([1L, 2L, 3L], (await Events("c1")).OfType<MessagePosted>().Select(e => e.Seq));
    }

    [Fact]
    public async Task PostMessageAsync_SameClientMessageIdResent_ReturnsOriginalAndWritesNothing()
    {
        var conversation = await OpenedAsync("c1");
        var clientMessageId = Guid.NewGuid();
        var original = await conversation.PostMessageAsync(new PostMessage(clientMessageId, Customer, "Where is my parcel?"));
        cluster.Clock.Advance(TimeSpan.FromSeconds(30));

        var resent = await conversation.PostMessageAsync(new PostMessage(clientMessageId, Customer, "Where is my parcel?"));

        Assert.Equal(original, resent);
        Assert.Equal([original], await conversation.GetMessagesAfterAsync(0));
        Assert.Equal(2, (await Events("c1")).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n ")]
    public async Task PostMessageAsync_EmptyOrWhitespaceBody_RefusedAndStreamUnchanged(string body)
    {
        var conversation = await OpenedAsync("c1");

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, body)));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("A message cannot be empty.", refused.Message);
        Assert.Single(await Events("c1"));
        Assert.Equal(0, (await conversation.GetDetailsAsync()).LastSeq);
    }

    [Fact]
    public async Task PostMessageAsync_BodyOneOverTheLimit_RefusedWithBothLengthsAndStreamUnchanged()
    {
        var conversation = await OpenedAsync("c1");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, new string('x', MessageLimits.MaxBodyLength + 1))));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains($"at most {MessageLimits.MaxBodyLength:N0} characters", refused.Message);
        Assert.Contains($"{MessageLimits.MaxBodyLength + 1:N0}", refused.Message);
        Assert.Single(await Events("c1"));
    }

    [Fact]
    public async Task PostMessageAsync_BodyExactlyAtTheLimitAfterTrimming_KeptTrimmed()
    {
        var conversation = await OpenedAsync("c1");
        var body = new string('x', MessageLimits.MaxBodyLength);

        var posted = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, $"  {body}\n"));

        Assert.Equal(body, posted.Body);
        Assert.Equal(body, Assert.IsType<MessagePosted>((await Events("c1"))[^1]).Body);
    }

    [Fact]
    public async Task PostMessageAsync_EmptyClientMessageId_RefusedSoLaterMessagesAreNotTakenForResends()
    {
        var conversation = await OpenedAsync("c1");

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.PostMessageAsync(new PostMessage(Guid.Empty, Alice, "Hi")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains("clientMessageId", refused.Message);
        Assert.Single(await Events("c1"));
    }

    [Fact]
    public async Task PostMessageAsync_CustomerIntoAnotherCustomersConversation_RefusedAsNotFound()
    {
        var conversation = await OpenedAsync("c1");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), new Author(AuthorKind.Customer, "cust-2", "Mallory"), "Hi")));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
        Assert.Single(await Events("c1"));
    }

    [Fact]
    public async Task Commands_UnknownConversation_RefusedAsNotFoundAndNothingWritten()
    {
        var conversation = Conversation("never-opened");

        var post = await Assert.ThrowsAsync<DomainException>(() => conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "Hi")));
        var details = await Assert.ThrowsAsync<DomainException>(() => conversation.GetDetailsAsync());
        var messages = await Assert.ThrowsAsync<DomainException>(() => conversation.GetMessagesAfterAsync(0));

        Assert.All([post, details, messages], e => Assert.Equal(DomainErrorKind.NotFound, e.Kind));
        Assert.Equal("This conversation does not exist.", post.Message);
        Assert.Empty(await Events("never-opened"));
    }

    [Fact]
    public async Task PostMessageAsync_TwoAgentsPost50EachAtOnce_KeepsAll100WithSeq1To100()
    {
        var conversation = await OpenedAsync("c1");

        var posts = Enumerable.Range(1, 50).SelectMany(i => new[]
        {
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, $"alice {i}")),
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Bob, $"bob {i}")),
        }).ToList();
        var acknowledged = await Task.WhenAll(posts);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), acknowledged.Select(m => m.Seq).Order());
        var thread = await conversation.GetMessagesAfterAsync(0);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), thread.Select(m => m.Seq));
        Assert.Equal(acknowledged.OrderBy(m => m.Seq), thread);
        Assert.Equal(50, thread.Count(m => m.Author == Alice));
        Assert.Equal(50, thread.Count(m => m.Author == Bob));

        var stored = await cluster.Store.ReadStreamAsync(Stream("c1"));
        Assert.Equal(Enumerable.Range(1, 101).Select(i => (long)i), stored.Select(e => e.Version));
        foreach (var k in new[] { 0, 1, 37, 99, 100 })
        {
            var after = await conversation.GetMessagesAfterAsync(k);
            Assert.Equal(Enumerable.Range(k + 1, 100 - k).Select(i => (long)i), after.Select(m => m.Seq));
        }
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(1_000, 4)]
    public async Task GetMessagesAfterAsync_AnySeq_ReturnsOnlyLaterMessages(long afterSeq, long expectedFirst)
    {
        var conversation = await OpenedAsync("c1");
        for (var i = 1; i <= 3; i++)
            await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, $"m{i}"));

        var after = await conversation.GetMessagesAfterAsync(afterSeq);

        Assert.Equal(Enumerable.Range((int)expectedFirst, 4 - (int)expectedFirst).Select(i => (long)i), after.Select(m => m.Seq));
    }

    [Fact]
    public async Task GetMessagesAfterAsync_AfterDeactivation_RebuiltFromTheStoreIncludingEventsWrittenElsewhere()
    {
        var conversation = await OpenedAsync("c1");
        var before = new List<MessageDetails>();
        for (var i = 1; i <= 3; i++)
            before.Add(await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), i % 2 == 0 ? Alice : Customer, $"m{i}")));
        var detailsBefore = await conversation.GetDetailsAsync();

        await cluster.DeactivateAsync(conversation);
        // Written straight to the store while no activation exists: only a grain that re-reads the store sees it.
        var elsewhere = new MessagePosted(4, Guid.NewGuid(), Bob, "written by another node");
        await cluster.AppendEventsAsync(Stream("c1"), Bob.Actor, elsewhere);

        var after = await conversation.GetMessagesAfterAsync(0);
        Assert.Equal(before, after.Take(3));
        Assert.Equal((4L, "written by another node"), (after[3].Seq, after[3].Body));
        // The reply written elsewhere answers the customer's follow-up, so the SLA moves on to the later resolution due.
        var detailsAfter = await conversation.GetDetailsAsync();
        Assert.Equal(detailsBefore with { LastSeq = 4, SlaDueAt = null }, detailsAfter with { SlaDueAt = null });
        Assert.True(detailsAfter.SlaDueAt > detailsBefore.SlaDueAt, $"SLA due {detailsAfter.SlaDueAt} should be after {detailsBefore.SlaDueAt}");

        // The rebuilt activation appends at the right version: no conflict, the next seq.
        var next = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "m5"));
        Assert.Equal(5, next.Seq);
        // A resend of a message from before the deactivation is still recognised.
        Assert.Equal(before[0], await conversation.PostMessageAsync(new PostMessage(before[0].ClientMessageId, Customer, "m1")));
        Assert.Equal(6, (await Events("c1")).Count);
    }

    [Fact]
    public async Task OpenAsync_SameConversationIdInTwoWorkspaces_TwoSeparateConversations()
    {
        var otherWorkspaceId = TestKeys.NewWorkspaceId();
        var here = Conversation("c1");
        var there = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(otherWorkspaceId, "c1"));

        await here.OpenAsync(Open(CustomerId));
        // Another customer with the same conversation id: a conflict if both keys reached one grain.
        await there.OpenAsync(Open("cust-2"));
        await here.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "only here"));

        Assert.Equal((workspaceId, CustomerId, 1L), await Summary(here));
        Assert.Equal((otherWorkspaceId, "cust-2", 0L), await Summary(there));
        Assert.Equal(2, (await Events("c1")).Count);
        Assert.Single(await cluster.ReadEventsAsync(StreamIds.For(StreamIds.ConversationCategory, otherWorkspaceId, "c1")));

        static async Task<(string, string, long)> Summary(IConversationGrain grain) =>
            await grain.GetDetailsAsync() is var d ? (d.WorkspaceId, d.CustomerId, d.LastSeq) : default;
    }

    private IConversationGrain Conversation(string conversationId) =>
        cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, conversationId));

    private async Task<IConversationGrain> OpenedAsync(string conversationId)
    {
        var conversation = Conversation(conversationId);
        await conversation.OpenAsync(Open(CustomerId));
        return conversation;
    }

    private static OpenConversation Open(string customerId) =>
        new(customerId, "Ada Lovelace", Channel.Chat, "Order 42", QueueId: null, Actor: $"customer:{customerId}");

    private string Stream(string conversationId) => StreamIds.For(StreamIds.ConversationCategory, workspaceId, conversationId);

    private Task<IReadOnlyList<Grains.EventSourcing.DomainEvent>> Events(string conversationId) => cluster.ReadEventsAsync(Stream(conversationId));
}
