using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Crm.Grains.Ai;

/// <summary>
/// Gathers a rep's open deals and what their customers wrote lately, asks the engine (outside any aggregate grain, with
/// a timeout), and drops suggestions already accepted, edited or rejected. Stateless: any silo may run as many as it needs.
/// </summary>
[StatelessWorker]
public sealed class SalesAssistantGrain(ISalesAssistant engine, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ISalesAssistantGrain
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Bounds on what one call reads: a rep's list must stay cheap however many customers they own.</summary>
    private const int MaxCustomers = 50;
    private const int ConversationsPerCustomer = 2;
    private const int MessagesPerCustomer = 10;
    private static readonly TimeSpan Recent = TimeSpan.FromDays(14);

    private string WorkspaceId => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<FollowUpSuggestion>> SuggestFollowUpsAsync(string ownerId)
    {
        Ids.Require(ownerId, "owner");
        var now = clock.GetUtcNow();
        var dealsTask = GrainFactory.GetGrain<IDealBoardGrain>(WorkspaceId).ListAsync(new DealQuery(OwnerId: ownerId, Outcome: StageOutcome.Open));
        var customers = await GrainFactory.GetGrain<ICrmDirectoryGrain>(WorkspaceId).ListCustomersAsync(new CustomerQuery(OwnerId: ownerId, Limit: MaxCustomers));
        var excerpts = await Task.WhenAll(customers.Items.Select(c => ExcerptAsync(c, now)));
        var context = new FollowUpContext(WorkspaceId, ownerId, now, await dealsTask, excerpts.OfType<CustomerExcerpt>().ToList());

        using var timeout = new CancellationTokenSource(Timeout);
        var suggestions = await engine.SuggestFollowUpsAsync(context, timeout.Token);
        var decided = await GrainFactory.GetGrain<ISuggestionFeedbackGrain>(WorkspaceId).DecidedAsync(suggestions.Select(s => s.SuggestionId).ToList());
        return suggestions.Where(s => !decided.Contains(s.SuggestionId)).ToList();
    }

    /// <summary>The customer's own recent messages in their latest conversations; null when they wrote nothing lately.</summary>
    private async Task<CustomerExcerpt?> ExcerptAsync(CustomerDetails customer, DateTimeOffset now)
    {
        var conversationIds = await GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Scoped(WorkspaceId, customer.CustomerId)).GetConversationIdsAsync();
        var latest = conversationIds.TakeLast(ConversationsPerCustomer).ToList();
        var threads = await Task.WhenAll(latest.Select(async id =>
            (Id: id, Messages: await GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, id)).GetMessagesAfterAsync(0))));
        var messages = threads
            .SelectMany(t => t.Messages.Where(m => m.Author.Kind == AuthorKind.Customer && m.IsVisibleToCustomer && now - m.PostedAt <= Recent)
                .Select(m => (t.Id, m)))
            .OrderBy(x => x.m.PostedAt)
            .TakeLast(MessagesPerCustomer)
            .ToList();
        if (messages.Count == 0) return null;
        return new CustomerExcerpt(customer.CustomerId, customer.Name, customer.CompanyName, messages[^1].Id,
            messages.Select(x => new ContextMessage(x.m.Author.Kind, x.m.Author.DisplayName, x.m.Body, x.m.PostedAt)).ToList());
    }
}
