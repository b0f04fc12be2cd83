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
    private const int MaxFieldLength = 200;

    private (string WorkspaceId, string CustomerId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.CustomerCategory, Key.WorkspaceId, Key.CustomerId);

    public async Task<CustomerDetails> UpsertAsync(UpsertCustomer command)
    {
        var upserted = new CustomerUpserted(
            Required(command.Name, "name"), Optional(command.Email, "email"), Optional(command.Phone, "phone"),
            Optional(command.CompanyName, "company name"));
        if (upserted.Email is { } email && !email.Contains('@'))
            throw new DomainException(DomainErrorKind.Invalid, $"'{email}' is not an email address.");
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

    private static string Required(string? value, string what) =>
        Optional(value, what) ?? throw new DomainException(DomainErrorKind.Invalid, $"A customer needs a {what}.");

    private static string? Optional(string? value, string what)
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > MaxFieldLength)
            throw new DomainException(DomainErrorKind.Invalid, $"The {what} can be at most {MaxFieldLength} characters.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
