using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>The customer beside a conversation: profile and every conversation they had, newest first.</summary>
public sealed class CustomerService(IGrainFactory grains)
{
    public async Task<CustomerProfile> GetProfileAsync(WorkspaceUser user, string customerId)
    {
        var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(customerId, "customer")));
        CustomerDetails? details;
        try
        {
            details = await customer.GetDetailsAsync();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            // Conversations can name a customer that has no profile yet (an API caller's own id): show what we know.
            details = null;
        }
        var ids = await customer.GetConversationIdsAsync();
        var conversations = await Task.WhenAll(ids.Select(id =>
            grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(user.WorkspaceId, id)).GetDetailsAsync()));
        return new CustomerProfile(customerId, details, conversations.OrderByDescending(c => c.OpenedAt).ToList());
    }

    /// <summary>Links a conversation to its customer, so the customer's history lists it (idempotent).</summary>
    public Task LinkAsync(WorkspaceUser user, ConversationDetails conversation) =>
        grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(user.WorkspaceId, conversation.CustomerId))
            .LinkConversationAsync(new LinkConversation(conversation.ConversationId, user.Actor));
}
