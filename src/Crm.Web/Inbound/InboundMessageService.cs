using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Web.Inbound;

/// <summary>
/// Turns an email or a web-form submission into a customer message: upserts the customer (id derived from the
/// address), then posts into the conversation the gateway recognised or opens a new one (id derived from the
/// messageId) and links it to the customer. Every step is idempotent and keyed by derived ids, so a retry after a
/// failure part-way completes the same writes instead of doubling any; shape errors are refused before the first.
/// </summary>
public sealed class InboundMessageService(IGrainFactory grains)
{
    private const string Actor = "integration:inbound";

    public async Task<InboundMessageAccepted> ReceiveAsync(string workspaceId, InboundMessage message)
    {
        var customerId = InboundIds.CustomerId(message.Email);
        var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(workspaceId, customerId));
        var profile = await UpsertCustomerAsync(customer, message);
        var post = new PostMessage(InboundIds.ClientMessageId(message.MessageId), new Author(AuthorKind.Customer, customerId, profile.Name), message.Text);

        string? notice = null;
        if (message.ConversationId is { } threadId)
        {
            (var reply, notice) = await TryReplyAsync(workspaceId, threadId, customerId, post);
            if (reply is not null) return new InboundMessageAccepted(threadId, reply.Seq, Created: false);
        }

        var conversationId = InboundIds.ConversationId(message.MessageId);
        var conversation = Conversation(workspaceId, conversationId);
        try
        {
            await conversation.OpenAsync(new OpenConversation(customerId, profile.Name, message.Channel, message.Subject, QueueId: null, Actor));
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict)
        {
            throw new DomainException(DomainErrorKind.Conflict,
                "This messageId was already used by a message from another sender; every message needs its own messageId.");
        }
        var posted = await conversation.PostMessageAsync(post);
        await customer.LinkConversationAsync(new LinkConversation(conversationId, Actor));
        return new InboundMessageAccepted(conversationId, posted.Seq, Created: true, notice);
    }

    /// <summary>
    /// Creates the customer, or updates the address and (when given) the name; what agents added (phone, company)
    /// is kept. Nothing is written when nothing changed.
    /// </summary>
    private static async Task<CustomerDetails> UpsertCustomerAsync(ICustomerGrain customer, InboundMessage message)
    {
        CustomerDetails? known;
        try
        {
            known = await customer.GetDetailsAsync();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            known = null;
        }
        var name = message.Name ?? known?.Name ?? message.Email;
        return await customer.UpsertAsync(new UpsertCustomer(name, message.Email, known?.Phone, known?.CompanyName, Actor));
    }

    /// <summary>
    /// Posts into the recognised conversation when it exists, is this sender's and is not closed; otherwise returns
    /// why not, and the caller opens a new conversation. Another customer's conversation answers like a missing one,
    /// so a guessed "[#id]" token reveals nothing. A retry of a message already posted here returns the original even
    /// if the conversation was closed since (the conversation checks resends first).
    /// </summary>
    private async Task<(MessageDetails? Reply, string? Notice)> TryReplyAsync(string workspaceId, string conversationId, string customerId, PostMessage post)
    {
        var notFound = $"There is no conversation '{conversationId}' with this sender; the message started a new conversation.";
        if (!Ids.IsValid(conversationId)) return (null, notFound);
        var conversation = Conversation(workspaceId, conversationId);
        try
        {
            if ((await conversation.GetDetailsAsync()).CustomerId != customerId) return (null, notFound);
            return (await conversation.PostMessageAsync(post), null);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            return (null, notFound);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict)
        {
            // Only "closed" moves the message elsewhere; a concurrent-write conflict is the caller's to retry.
            if ((await conversation.GetDetailsAsync()).Status != ConversationStatus.Closed) throw;
            return (null, $"Conversation '{conversationId}' is closed; the message started a new conversation.");
        }
    }

    private IConversationGrain Conversation(string workspaceId, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, conversationId));
}
