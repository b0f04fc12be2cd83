using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Customers;

public sealed class CustomerGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<CustomerState>(store, clock), ICustomerGrain
{
    private (string WorkspaceId, string CustomerId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.CustomerCategory, Key.WorkspaceId, Key.CustomerId);

    public async Task<CustomerDetails> UpsertAsync(UpsertCustomer command)
    {
        var valid = command.Validated();
        var upserted = new CustomerUpserted(valid.Name, valid.Email, valid.Phone, valid.CompanyName);
        if (State.Profile is not { } p || p with { At = default, By = "" } != upserted)
            await RaiseAsync(command.Actor, upserted);
        return Details();
    }

    public async Task LinkConversationAsync(LinkConversation command)
    {
        var conversationId = Ids.Require(command.ConversationId, "conversation");
        if (!State.ConversationIds.Contains(conversationId))
            await RaiseAsync(command.Actor, new CustomerConversationLinked(conversationId));
    }

    public Task<IReadOnlyList<string>> GetConversationIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(State.ConversationIds.ToList());

    public Task<CustomerDetails> GetDetailsAsync() =>
        State.Profile is null
            ? throw new DomainException(DomainErrorKind.NotFound, "This customer does not exist.")
            : Task.FromResult(Details());

    private CustomerDetails Details()
    {
        var p = State.Profile!;
        return new CustomerDetails(Key.WorkspaceId, Key.CustomerId, p.Name, p.Email, p.Phone, p.CompanyName, State.CreatedAt);
    }
}
