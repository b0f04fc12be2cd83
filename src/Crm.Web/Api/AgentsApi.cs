using Crm.Web.Identity;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class AgentsApi
{
    /// <summary>/api/agents: the signed-in user's teammates (for assignment and @mentions).</summary>
    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/agents", async (WorkspaceUser user, AgentDirectory agents) => TypedResults.Ok(await agents.ListAsync(user.WorkspaceId)))
            .WithTags("Agents").RequireAuthorization();
        return endpoints;
    }
}
