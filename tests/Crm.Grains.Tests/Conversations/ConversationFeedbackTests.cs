using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>CSAT ratings, read receipts and attachments: given a conversation, when the customer or an agent acts, then events and views.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationFeedbackTests(CrmClusterFixture cluster)
{
    private static readonly Author Customer = ConversationTestKit.Customer;
    private static readonly Author Alice = ConversationTestKit.Alice;

    private readonly ConversationTestKit kit = new(cluster);

    [Fact]
    public async Task RateAsync_ResolvedConversationRatedByItsCustomer_StoredOnceAndShownInDetailsAndInbox()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        var rated = await conversation.RateAsync(new RateConversation(4, "  Quick and kind  ", Customer));
        var again = await Assert.ThrowsAsync<DomainException>(() => conversation.RateAsync(new RateConversation(1, null, Customer)));

        Assert.Equal((4, "Quick and kind"), (rated.CsatScore, rated.CsatComment));
        Assert.Equal(DomainErrorKind.Conflict, again.Kind);
        Assert.Single((await kit.EventsAsync("c1")).OfType<ConversationRated>());
        await kit.InboxRowAsync("c1", r => r.CsatScore == 4);
    }

    [Theory]
    [InlineData(false, 5, DomainErrorKind.Conflict)]
    [InlineData(true, 0, DomainErrorKind.Invalid)]
    [InlineData(true, 6, DomainErrorKind.Invalid)]
    public async Task RateAsync_NotResolvedOrOutOfRange_RefusedAndNothingStored(bool resolve, int score, DomainErrorKind expected)
    {
        var conversation = await kit.OpenedAsync("c1");
        if (resolve) await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.RateAsync(new RateConversation(score, null, Customer)));

        Assert.Equal(expected, refused.Kind);
        Assert.Empty((await kit.EventsAsync("c1")).OfType<ConversationRated>());
    }

    [Fact]
    public async Task RateAsync_ByAnAgent_Forbidden()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        var refused = await Assert.ThrowsAsync<DomainException>(() => conversation.RateAsync(new RateConversation(5, null, Alice)));

        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task MarkReadAsync_CustomerMessageRead_UnreadClearsAndRepeatedReadsWriteNothing()
    {
        var conversation = await kit.OpenedAsync("c1");
        var message = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "Hello?"));
        await kit.InboxRowAsync("c1", r => r.Unread);

        var read = await conversation.MarkReadAsync(new MarkConversationRead(message.Seq, Alice));
        await conversation.MarkReadAsync(new MarkConversationRead(message.Seq, Alice));
        await conversation.MarkReadAsync(new MarkConversationRead(99, Alice));

        Assert.Equal(1L, read.ReadUpTo);
        Assert.Single((await kit.EventsAsync("c1")).OfType<ConversationRead>());
        var row = await kit.InboxRowAsync("c1", r => !r.Unread);
        Assert.Equal(1L, row.ReadUpTo);
    }

    [Fact]
    public async Task MarkReadAsync_StaleViewBehindTheLatestCustomerMessage_WritesNothing()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "one"));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "two"));

        var details = await conversation.MarkReadAsync(new MarkConversationRead(1, Alice));

        Assert.Equal(0L, details.ReadUpTo);
        Assert.Empty((await kit.EventsAsync("c1")).OfType<ConversationRead>());
    }

    [Fact]
    public async Task PostMessageAsync_AttachmentOfThisWorkspaceWithoutText_Stored()
    {
        var conversation = await kit.OpenedAsync("c1");
        var file = Attachment(kit.WorkspaceId, "photo.png");

        var message = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "", Attachments: [file]));

        Assert.Equal("", message.Body);
        Assert.Equal(file, Assert.Single(message.Attachments!));
        Assert.Equal(file, Assert.Single((await conversation.GetMessagesAfterAsync(0)).Single().Attachments!));
    }

    [Fact]
    public async Task PostMessageAsync_AttachmentOfAnotherWorkspace_RefusedAndNothingStored()
    {
        var conversation = await kit.OpenedAsync("c1");
        var foreign = Attachment(TestKeys.NewWorkspaceId(), "secret.pdf");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "look", Attachments: [foreign])));

        Assert.Contains("not uploaded to this workspace", refused.Message);
        Assert.Empty((await kit.EventsAsync("c1")).OfType<MessagePosted>());
    }

    private static AttachmentDetails Attachment(string workspace, string fileName)
    {
        var id = Ids.New();
        return new AttachmentDetails(id, fileName, "image/png", 1234, BlobKeys.Attachment(workspace, id, fileName));
    }
}
