using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Web.Visitors;

/// <summary>
/// The widget's facade over the grains. Every call is scoped to the visitor's workspace and customer id from the
/// signed token; a conversation that is not the visitor's answers exactly like one that does not exist.
/// </summary>
public sealed class VisitorConversationService(IGrainFactory grains, Microsoft.Extensions.Options.IOptions<WidgetOptions> widget)
{
    public async Task<VisitorConversation> StartAsync(Visitor visitor, StartChat start)
    {
        var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(visitor.WorkspaceId, visitor.CustomerId));
        var name = string.IsNullOrWhiteSpace(start.Name) ? "Visitor" : start.Name.Trim();
        // Everything that can be refused is checked before the first write, so a refused start stores nothing.
        var profile = new UpsertCustomer(name, start.Email, Phone: null, CompanyName: null, visitor.Actor).Validated();
        var conversation = Conversation(visitor, start.ConversationId);
        var queueId = Ids.Require(start.QueueId ?? widget.Value.DefaultQueueId, "queue");
        ConversationDetails details;
        try
        {
            details = await conversation.OpenAsync(new OpenConversation(visitor.CustomerId, profile.Name, Channel.Chat, Subject: "Chat", queueId, visitor.Actor));
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict)
        {
            // The id belongs to someone else's conversation: answer exactly as for a missing one, so a visitor cannot
            // probe which conversation ids exist.
            throw NotFound();
        }
        if (details.CustomerId != visitor.CustomerId) throw NotFound();
        await customer.UpsertAsync(profile);
        await customer.LinkConversationAsync(new LinkConversation(details.ConversationId, visitor.Actor));
        return VisitorConversation.From(details);
    }

    public async Task<IReadOnlyList<VisitorConversation>> ListAsync(Visitor visitor)
    {
        var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(visitor.WorkspaceId, visitor.CustomerId));
        var ids = await customer.GetConversationIdsAsync();
        var details = await Task.WhenAll(ids.Select(id => Conversation(visitor, id).GetDetailsAsync()));
        return details.Select(VisitorConversation.From).ToList();
    }

    public async Task<VisitorThread> GetMessagesAfterAsync(Visitor visitor, string conversationId, long afterSeq)
    {
        var conversation = Conversation(visitor, conversationId);
        var details = await RequireOwnAsync(visitor, conversation);
        var entries = await conversation.GetMessagesAfterAsync(afterSeq);
        return new VisitorThread(
            entries.Where(m => m.IsVisibleToCustomer).Select(VisitorMessage.From).ToList(),
            entries.Count > 0 ? entries[^1].Seq : details.LastSeq,
            VisitorConversationState.From(details.Status, details.ReadUpTo, details.CsatScore));
    }

    /// <summary>The visitor's rating of its own conversation, once it is resolved.</summary>
    public async Task<VisitorConversationState> RateAsync(Visitor visitor, string conversationId, int score, string? comment)
    {
        var own = await RequireOwnAsync(visitor, conversationId);
        var details = await Conversation(visitor, conversationId).RateAsync(
            new RateConversation(score, comment, new Author(AuthorKind.Customer, visitor.CustomerId, own.CustomerName)));
        return VisitorConversationState.From(details.Status, details.ReadUpTo, details.CsatScore);
    }

    /// <summary>An attachment of one of the visitor's own messages or of a reply to them; NotFound otherwise.</summary>
    public async Task<Grains.Abstractions.Attachments.AttachmentDetails> RequireAttachmentAsync(Visitor visitor, string conversationId, string attachmentId)
    {
        var thread = await GetMessagesAfterAsync(visitor, conversationId, 0);
        var found = thread.Messages.SelectMany(m => m.Attachments ?? []).FirstOrDefault(a => a.Id == attachmentId);
        return found is null
            ? throw new DomainException(DomainErrorKind.NotFound, "This attachment does not exist.")
            : new Grains.Abstractions.Attachments.AttachmentDetails(found.Id, found.FileName, found.ContentType, found.Size, "");
    }

    public async Task<VisitorMessage> SendAsync(
        Visitor visitor, string conversationId, Guid clientMessageId, string? body, string displayName,
        IReadOnlyList<Grains.Abstractions.Attachments.AttachmentDetails>? attachments = null)
    {
        var author = new Author(AuthorKind.Customer, visitor.CustomerId, displayName);
        var message = await Conversation(visitor, conversationId).PostMessageAsync(new PostMessage(
            clientMessageId, author, MessageLimits.RequireBody(body, attachments is { Count: > 0 }), Attachments: attachments));
        return VisitorMessage.From(message);
    }

    /// <summary>Throws NotFound unless the conversation exists and is the visitor's own.</summary>
    public async Task<ConversationDetails> RequireOwnAsync(Visitor visitor, string conversationId) =>
        await RequireOwnAsync(visitor, Conversation(visitor, conversationId));

    private static async Task<ConversationDetails> RequireOwnAsync(Visitor visitor, IConversationGrain conversation)
    {
        var details = await conversation.GetDetailsAsync();
        return details.CustomerId == visitor.CustomerId ? details : throw NotFound();
    }

    private IConversationGrain Conversation(Visitor visitor, string conversationId) =>
        grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(visitor.WorkspaceId, Ids.Require(conversationId, "conversation")));

    private static DomainException NotFound() => new(DomainErrorKind.NotFound, "This conversation does not exist.");
}
