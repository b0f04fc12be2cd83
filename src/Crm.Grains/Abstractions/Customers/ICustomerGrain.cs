namespace Crm.Grains.Abstractions.Customers;

/// <summary>A customer (contact). Key: "{workspaceId}/{customerId}".</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the customer's profile.</summary>
    Task<CustomerDetails> UpsertAsync(UpsertCustomer command);

    /// <summary>Links a conversation to the customer (idempotent).</summary>
    Task LinkConversationAsync(LinkConversation command);

    /// <summary>The customer's conversations, oldest first.</summary>
    Task<IReadOnlyList<string>> GetConversationIdsAsync();

    /// <summary>The customer; NotFound when never created.</summary>
    Task<CustomerDetails> GetDetailsAsync();
}
