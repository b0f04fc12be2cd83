using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Agents;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class AgentsApi
{
    public sealed record HeartbeatRequest(string? SessionId);

    public sealed record PresenceRequest(AgentStatus? Status);

    /// <summary>
    /// /api/agents: the signed-in user's teammates (for assignment and @mentions), and /api/agents/me: their console
    /// sessions and chosen status, for consoles that are not a Blazor circuit (integrations, tests).
    /// </summary>
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/agents", async (WorkspaceUser user, AgentDirectory agents) => TypedResults.Ok(await agents.ListAsync(user.WorkspaceId)))
            .WithTags("Agents").RequirePolicy(CrmPolicies.Staff);

        var me = endpoints.MapGroup("/api/agents/me").WithTags("Agents").RequirePolicy(CrmPolicies.Staff);
        me.MapPost("/heartbeat", HeartbeatAsync);
        me.MapDelete("/heartbeat/{sessionId}", async (string sessionId, WorkspaceUser user, AgentPresenceService presence) =>
        {
            await presence.DisconnectAsync(user, sessionId);
            return TypedResults.NoContent();
        });
        me.MapPut("/presence", SetPresenceAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<AgentDetails>, ValidationProblem>> HeartbeatAsync(
        HeartbeatRequest request, WorkspaceUser user, AgentPresenceService presence)
    {
        if (string.IsNullOrWhiteSpace(request.SessionId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sessionId"] = ["A session id is required."] });
        return TypedResults.Ok(await presence.HeartbeatAsync(user, request.SessionId));
    }

    private static async Task<Results<Ok<AgentDetails>, ValidationProblem>> SetPresenceAsync(
        PresenceRequest request, WorkspaceUser user, AgentPresenceService presence)
    {
        if (request.Status is not { } status)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["A status is required: online, away or busy."] });
        return TypedResults.Ok(await presence.SetStatusAsync(user, status));
    }
}
