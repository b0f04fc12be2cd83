using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;

namespace Crm.Web.Services;

public sealed record CustomerProfile(string CustomerId, CustomerDetails? Details, IReadOnlyList<ConversationDetails> Conversations);
