using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>
/// The grain-facing facade of the supervisor board: one read of the router and the inbox to seed it, the live feed
/// after that, and the supervisor's actions on agents. Every call requires the Supervise policy.
/// </summary>
public sealed class SupervisorBoardService(IGrainFactory grains, LiveFeedRelay feed, TimeProvider clock)
{
    /// <summary>Enough rows for the last hours of a busy workspace (the inbox grain's own ceiling).</summary>
    private const int SeedRows = 500;

    /// <summary>Reads the router's board and the inbox rows; subscribe first so nothing committed in between is lost.</summary>
    public async Task<SupervisorBoard> LoadAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Supervise);
        var board = grains.GetGrain<IRouterGrain>(Workspace(user)).GetBoardAsync();
        var rows = grains.GetGrain<IInboxGrain>(Workspace(user)).ListAsync(new InboxQuery(Limit: SeedRows));
        await Task.WhenAll(board, rows);
        return new SupervisorBoard(await board, await rows, clock.GetUtcNow());
    }

    /// <summary>Live items of the supervisor's workspace on this node; dispose to stop.</summary>
    public IDisposable Subscribe(WorkspaceUser user, Func<LiveFeedItem, Task> handler, Func<Task> catchUp)
    {
        user.Require(CrmPolicies.Supervise);
        return feed.Subscribe(user.WorkspaceId, handler, catchUp);
    }

    /// <summary>
    /// Sets a connected agent's status to Online, Away or Busy on their behalf (recorded as the supervisor's change).
    /// The agent grain refuses Offline, and any status for an agent with no console open.
    /// </summary>
    public Task<AgentDetails> SetAgentStatusAsync(WorkspaceUser user, string agentId, AgentStatus status)
    {
        user.Require(CrmPolicies.Supervise);
        if (status == AgentStatus.Offline)
            throw new DomainException(DomainErrorKind.Invalid, "Offline is not set by anyone: an agent is offline when no console of theirs is open.");
        return grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(agentId, "agent")))
            .SetPresenceAsync(new SetAgentPresence(status, user.Actor));
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    private static string Workspace(WorkspaceUser user) => Ids.Require(user.WorkspaceId, "workspace");
}
