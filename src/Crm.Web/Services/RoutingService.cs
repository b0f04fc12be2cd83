using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>
/// The workspace's router as the console and the REST API reach it: queue policies, agents' routing settings, the
/// supervisor board and answers to offers. Each call checks the matrix again, for callers without an endpoint in front.
/// </summary>
public sealed class RoutingService(IGrainFactory grains)
{
    public Task<QueueDetails> ConfigureQueueAsync(WorkspaceUser user, string queueId, QueuePolicy policy)
    {
        user.Require(CrmPolicies.Administer);
        return Router(user).ConfigureQueueAsync(new ConfigureQueue(Ids.Require(queueId, "queue"), policy, user.Actor));
    }

    public Task<QueueDetails> GetQueueAsync(WorkspaceUser user, string queueId)
    {
        user.Require(CrmPolicies.Staff);
        return Router(user).GetQueueAsync(Ids.Require(queueId, "queue"));
    }

    public Task<AgentDetails> ConfigureAgentAsync(WorkspaceUser user, string agentId, int chatCapacity, int ticketCapacity,
        IReadOnlyList<string> skills, IReadOnlyList<string> teams)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(agentId, "agent")))
            .ConfigureRoutingAsync(new ConfigureAgentRouting(chatCapacity, ticketCapacity, skills, teams, user.Actor));
    }

    public Task<BoardDetails> GetBoardAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Supervise);
        return Router(user).GetBoardAsync();
    }

    /// <summary>
    /// The signed-in agent's open offers, read from the board: an agent may not see the board, but their own offers are
    /// theirs to answer, and the queues are where each offer's expiry lives.
    /// </summary>
    public async Task<IReadOnlyList<OfferedWork>> GetOffersAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Converse);
        var board = await Router(user).GetBoardAsync();
        return [.. OffersTo(user.AgentId, board.Queues)];
    }

    /// <summary>The work in <paramref name="queues"/> offered to <paramref name="agentId"/>.</summary>
    public static IEnumerable<OfferedWork> OffersTo(string agentId, IEnumerable<QueueDetails> queues) =>
        from queue in queues
        from work in queue.Waiting
        where string.Equals(work.OfferedTo, agentId, StringComparison.Ordinal)
        select new OfferedWork(work.ConversationId, queue.QueueId, work.Kind, work.OfferExpiresAt);

    /// <summary>The signed-in agent takes the conversation offered to them; only ever their own offer.</summary>
    public Task<ConversationDetails> AcceptOfferAsync(WorkspaceUser user, string conversationId)
    {
        user.Require(CrmPolicies.Converse);
        return Router(user).AcceptOfferAsync(new AnswerOffer(Ids.Require(conversationId, "conversation"), user.AgentId, user.Actor));
    }

    public Task DeclineOfferAsync(WorkspaceUser user, string conversationId)
    {
        user.Require(CrmPolicies.Converse);
        return Router(user).DeclineOfferAsync(new AnswerOffer(Ids.Require(conversationId, "conversation"), user.AgentId, user.Actor));
    }

    private IRouterGrain Router(WorkspaceUser user) => grains.GetGrain<IRouterGrain>(user.WorkspaceId);
}
