using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Abstractions.Time;

namespace Crm.Web.Seeding;

/// <summary>
/// Writes <see cref="DemoHistory"/> through the same grain calls the console and the widget make, each at its
/// historical instant (<see cref="DomainClock.Backdate"/>), so the events, the inbox, the reports and the board are
/// what real use would have left. Grain calls are the cost of a first start: conversations are written side by side,
/// each one's calls in order. The store group-commits whatever appends are waiting, so N conversations in flight share
/// each commit: with all ~280 at once a conversation's nine steps cost about nine commits in all, where 24 at a time
/// took ~350 (each commit also wakes every projection once). The history's own order is kept by the back-dated
/// instants, not by the order of the writes.
/// </summary>
public sealed class DemoHistorySeeder(IGrainFactory grains, TimeProvider clock, DemoHistoryProgress progress)
{
    private const string Actor = "system:seed";
    // Above the history's size, so every conversation is in flight at once; still a bound, should the history grow.
    private const int Parallel = 512;

    public async Task<int> SeedAsync(string ws, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = now.AddDays(-DemoHistory.Days - 1);
        DomainClock.Backdate(start);
        try
        {
            await ForEachAsync(DemoHistory.HistoryAgents, a => grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(ws, a.AgentId))
                .RegisterAsync(new RegisterAgent(a.DisplayName, a.Email, a.Role, a.ChatCapacity, Actor)));
            await ForEachAsync(DemoData.Users.Concat(DemoHistory.HistoryAgents).Where(u => u.ChatCapacity > 0), ConfigureAgentAsync(ws));
            await ForEachAsync(DemoHistory.Customers, c => grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, c.Id))
                .UpsertAsync(new UpsertCustomer(c.Name, c.Email, null, c.Company, Actor)));
            var conversations = DemoHistory.Conversations(now);
            progress.Drawn(conversations.Count);
            await ForEachAsync(conversations, async c =>
            {
                await WriteAsync(ws, c);
                progress.Wrote();
            }, cancellationToken);
            return conversations.Count;
        }
        finally
        {
            DomainClock.Now();
        }
    }

    /// <summary>Routing on for the three queues, each handed out least-loaded within its team.</summary>
    public async Task ConfigureQueuesAsync(string ws)
    {
        var router = grains.GetGrain<IRouterGrain>(ws);
        foreach (var queue in DemoHistory.Teams.Keys)
            await router.ConfigureQueueAsync(new ConfigureQueue(queue, new QueuePolicy(AssignmentPolicy.LeastLoaded, TeamId: queue), Actor));
    }

    private Func<DemoData.DemoUser, Task> ConfigureAgentAsync(string ws) => user =>
    {
        var teams = DemoHistory.Teams.Where(t => t.Value.Contains(user.AgentId)).Select(t => t.Key).ToList();
        return grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(ws, user.AgentId))
            .ConfigureRoutingAsync(new ConfigureAgentRouting(user.ChatCapacity, 10, [], teams, Actor));
    };

    private async Task WriteAsync(string ws, DemoHistory.Conversation c)
    {
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(ws, c.Id));
        var customer = new Author(AuthorKind.Customer, c.Customer.Id, c.Customer.Name);
        var agent = new Author(AuthorKind.Agent, c.Agent!.AgentId, c.Agent.DisplayName);
        var at = c.OpenedAt;
        DomainClock.Backdate(at);
        await conversation.OpenAsync(new OpenConversation(c.Customer.Id, c.Customer.Name, c.Channel, c.Subject, c.QueueId, Actor));
        await grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, c.Customer.Id)).LinkConversationAsync(new LinkConversation(c.Id, Actor));
        var assigned = false;
        foreach (var step in c.Steps)
        {
            at += step.After;
            DomainClock.Backdate(at);
            if (!step.FromCustomer && !assigned)
            {
                // The agent picks it up as they answer, as a person working the queue by hand would.
                await conversation.AssignAsync(new AssignConversation(agent.Id, agent.DisplayName, agent));
                assigned = true;
            }
            await conversation.PostMessageAsync(new PostMessage(DeterministicId(c.Id, at), step.FromCustomer ? customer : agent, step.Text));
        }
        if (c.ResolvedAfter is not { } resolvedAfter) return;
        DomainClock.Backdate(c.OpenedAt + resolvedAfter);
        await conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, agent));
        if (c.Csat is { } score)
        {
            DomainClock.Backdate(c.OpenedAt + resolvedAfter + TimeSpan.FromMinutes(3));
            await conversation.RateAsync(new RateConversation(score, c.CsatComment, customer));
        }
    }

    /// <summary>The same client message id on every first start, so the history is identical event for event.</summary>
    private static Guid DeterministicId(string conversationId, DateTimeOffset at) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{conversationId}/{at.UtcTicks}")));

    /// <summary>Visitors chatting right now: waiting in their queues when the console opens, routed as agents come online.</summary>
    public async Task SeedLiveVisitorsAsync(string ws)
    {
        (string Id, int Customer, string Queue, string Subject, string Text)[] live =
        [
            ("live-visitor-1", 17, "support", "Where is my parcel?", "Hi! My parcel was due yesterday and the tracking has not moved. Can you check?"),
            ("live-visitor-2", 42, "sales", "Trial for our team", "Hello, we are 12 agents. Can we extend the trial by a week to test routing?"),
        ];
        await ForEachAsync(live, async v =>
        {
            var customer = DemoHistory.Customers[v.Customer];
            var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(ws, v.Id));
            await conversation.OpenAsync(new OpenConversation(customer.Id, customer.Name, Channel.Chat, v.Subject, v.Queue, Actor));
            await grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, customer.Id)).LinkConversationAsync(new LinkConversation(v.Id, Actor));
            await conversation.PostMessageAsync(new PostMessage(DeterministicId(v.Id, default), new Author(AuthorKind.Customer, customer.Id, customer.Name), v.Text));
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> for every item, at most <see cref="Parallel"/> at once; the first failure fails the
    /// seed. Cancelling starts no further item (one started runs to its end, so no conversation is left half-written
    /// by this loop).
    /// </summary>
    private static async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work, CancellationToken cancellationToken = default)
    {
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await work(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
