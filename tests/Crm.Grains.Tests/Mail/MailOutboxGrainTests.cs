using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Mail;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Mail;
using Crm.Grains.Mail.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Mail;

/// <summary>
/// The outbox as a projection of the conversation streams: given conversations and replies (through the grains, or
/// written straight to the store as another node would), when the outbox is read, then each agent reply on an email
/// conversation is queued exactly once, and the mailer's reports move it from pending to sent or failed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MailOutboxGrainTests(CrmClusterFixture cluster)
{
    private const string CustomerId = "ada";
    private const string Mailer = "integration:mailer";
    private static readonly Author Customer = new(AuthorKind.Customer, CustomerId, "Ada Lovelace");
    private static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IMailOutboxGrain Outbox => cluster.Grains.GetGrain<IMailOutboxGrain>(workspaceId);

    [Fact]
    public async Task ListAsync_AgentReplyOnEmailConversation_QueuedOnceWithThreadedSubject()
    {
        await GivenCustomerAsync("ada@example.com");
        var conversation = await OpenAsync("mail-1", Channel.Email, "Printer jam");
        await PostAsync(conversation, Customer, "My printer is jammed.");
        var reply = await PostAsync(conversation, Alice, "Open tray 2 and pull gently.");

        var first = await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending));
        await Outbox.CatchUpAsync();
        var again = await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending));

        var email = Assert.Single(again);
        Assert.Equal(first, again);
        Assert.Equal(
            new OutboundEmail(OutboundEmailRules.OutboundId("mail-1", reply.Seq), "mail-1", reply.Seq, "ada@example.com", "Ada Lovelace",
                "Re: Printer jam [#mail-1]", "Open tray 2 and pull gently.", OutboundEmailStatus.Pending, email.QueuedAt),
            email);
        Assert.Single(await Events(), e => e is OutboundEmailQueued);
    }

    [Fact]
    public async Task ListAsync_CustomerMessagesNotesAndChatReplies_NothingQueued()
    {
        await GivenCustomerAsync("ada@example.com");
        var email = await OpenAsync("mail-1", Channel.Email, "Invoice");
        await PostAsync(email, Customer, "Where is my invoice?");
        await email.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "Billing knows; asking them.", MessageKind.Note));
        var chat = await OpenAsync("chat-1", Channel.Chat, "Chat");
        await PostAsync(chat, Alice, "Hello from chat.");

        Assert.Empty(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task MarkSentAsync_Twice_LeavesPendingOnceAndSecondIsANoOp()
    {
        var email = await GivenQueuedReplyAsync();

        var sent = await Outbox.MarkSentAsync(new MarkEmailSent(email.OutboundId, "<provider-1@mail>", Mailer));
        var again = await Outbox.MarkSentAsync(new MarkEmailSent(email.OutboundId, null, Mailer));

        Assert.Equal((OutboundEmailStatus.Sent, "<provider-1@mail>"), (sent.Status, sent.ProviderMessageId));
        Assert.Equal(sent, again);
        Assert.Empty(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
        Assert.Equal([sent], await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Sent)));
        Assert.Single(await Events(), e => e is OutboundEmailSent);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Outbox.MarkFailedAsync(new MarkEmailFailed(email.OutboundId, "bounced", Mailer)));
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task MarkFailedAsync_Twice_RecordsTheReasonOnceAndRefusesSentAfterwards()
    {
        var email = await GivenQueuedReplyAsync();

        var failed = await Outbox.MarkFailedAsync(new MarkEmailFailed(email.OutboundId, " Mailbox does not exist ", Mailer));
        var again = await Outbox.MarkFailedAsync(new MarkEmailFailed(email.OutboundId, "another reason", Mailer));

        Assert.Equal((OutboundEmailStatus.Failed, "Mailbox does not exist"), (failed.Status, failed.FailureReason));
        Assert.Equal(failed, again);
        Assert.Empty(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
        Assert.Equal([failed], await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Failed)));
        Assert.Single(await Events(), e => e is OutboundEmailFailed);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Outbox.MarkSentAsync(new MarkEmailSent(email.OutboundId, null, Mailer)));
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task MarkFailedAsync_NoReason_RefusedAsInvalidAndStillPending(string? reason)
    {
        var email = await GivenQueuedReplyAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() => Outbox.MarkFailedAsync(new MarkEmailFailed(email.OutboundId, reason, Mailer)));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains("reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal([email], await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
    }

    [Theory]
    [InlineData("o000000000000000000000000")]
    [InlineData("Not/An/Id")]
    public async Task MarkSentAsync_UnknownId_RefusedAsNotFound(string outboundId)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Outbox.MarkSentAsync(new MarkEmailSent(outboundId, null, Mailer)));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
        Assert.Empty(await Events());
    }

    [Fact]
    public async Task ListAsync_AfterRebuildFromTheStore_SameEmailsNoneQueuedTwiceAndNewRepliesStillFound()
    {
        await GivenCustomerAsync("ada@example.com");
        var conversation = await OpenAsync("mail-1", Channel.Email, "Refund");
        await PostAsync(conversation, Alice, "First answer.");
        await PostAsync(conversation, Alice, "Second answer.");
        var queued = await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending));
        var sent = await Outbox.MarkSentAsync(new MarkEmailSent(queued[0].OutboundId, "p-1", Mailer));

        await cluster.DeactivateAsync(Outbox);
        await cluster.DeactivateAsync(conversation);

        Assert.Equal([queued[1]], await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
        Assert.Equal([sent], await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Sent)));
        Assert.Equal(2, (await Events()).Count(e => e is OutboundEmailQueued));

        // The conversation was opened before this activation: the outbox asks it for the channel and subject.
        var third = await PostAsync(conversation, Alice, "Third answer.");
        var pending = await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending));
        Assert.Equal([queued[1].Seq, third.Seq], pending.Select(e => e.Seq));
        Assert.Equal("Re: Refund [#mail-1]", pending[^1].Subject);
    }

    [Fact]
    public async Task ListAsync_ReplyWrittenWithoutAnyNudge_FoundFromTheStoreAndFailedWhenTheCustomerHasNoAddress()
    {
        // Given: a conversation and an agent reply committed by another node that crashed before telling anyone.
        var streamId = StreamIds.For(StreamIds.ConversationCategory, workspaceId, "mail-2");
        await cluster.AppendEventsAsync(streamId, Customer.Actor,
            new ConversationOpened(workspaceId, "mail-2", "no-profile", "Grace", Channel.Email, "Hello", null));
        await cluster.AppendEventsAsync(streamId, Alice.Actor, new MessagePosted(1, Guid.NewGuid(), Alice, "Hi Grace!"));

        var failed = Assert.Single(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Failed)));

        Assert.Equal(("mail-2", 1L, (string?)null, "Grace", "Re: Hello [#mail-2]"), (failed.ConversationId, failed.Seq, failed.ToEmail, failed.ToName, failed.Subject));
        Assert.Contains("no email address", failed.FailureReason, StringComparison.Ordinal);
        Assert.Empty(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
    }

    [Fact]
    public async Task ListAsync_OtherWorkspacesReplies_NeverListed()
    {
        var other = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(TestKeys.NewWorkspaceId(), "mail-1"));
        await other.OpenAsync(new OpenConversation(CustomerId, "Ada Lovelace", Channel.Email, "Elsewhere", null, Customer.Actor));
        await PostAsync(other, Alice, "Not for this workspace.");

        Assert.Empty(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
    }

    [Fact]
    public void StreamId_OfTheOutbox_StartsWithTheWorkspace() =>
        Assert.Equal("acme/mail-outbox/all", StreamIds.For(StreamIds.MailOutboxCategory, "acme", "all"));

    private async Task<OutboundEmail> GivenQueuedReplyAsync()
    {
        await GivenCustomerAsync("ada@example.com");
        var conversation = await OpenAsync("mail-1", Channel.Email, "Question");
        await PostAsync(conversation, Alice, "Answer.");
        return Assert.Single(await Outbox.ListAsync(new OutboundEmailQuery(OutboundEmailStatus.Pending)));
    }

    private Task GivenCustomerAsync(string email) =>
        cluster.Grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(workspaceId, CustomerId))
            .UpsertAsync(new UpsertCustomer("Ada Lovelace", email, null, null, Customer.Actor));

    private async Task<IConversationGrain> OpenAsync(string conversationId, Channel channel, string subject)
    {
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, conversationId));
        await conversation.OpenAsync(new OpenConversation(CustomerId, "Ada Lovelace", channel, subject, null, Customer.Actor));
        return conversation;
    }

    private static Task<MessageDetails> PostAsync(IConversationGrain conversation, Author author, string body) =>
        conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), author, body));

    private Task<IReadOnlyList<DomainEvent>> Events() =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.MailOutboxCategory, workspaceId, "all"));
}
