using Crm.Web.Security.Authorization;
using Crm.Web.Identity;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class CannedResponsesApi
{
    public sealed record SaveRequest(string? Title, string? Body);

    /// <summary>/api/canned-responses: list, save by shortcut (PUT is idempotent), delete.</summary>
    public static IEndpointRouteBuilder MapCannedResponsesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/canned-responses").WithTags("Canned responses");
        api.MapGet("/", async (WorkspaceUser user, CannedResponseService responses) => TypedResults.Ok(await responses.ListAsync(user))).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("/{shortcut}", async (string shortcut, SaveRequest request, WorkspaceUser user, CannedResponseService responses) =>
            TypedResults.Ok(await responses.SaveAsync(user, shortcut, request.Title, request.Body))).RequirePolicy(CrmPolicies.ManageCannedResponses);
        api.MapDelete("/{shortcut}", async (string shortcut, WorkspaceUser user, CannedResponseService responses) =>
        {
            await responses.DeleteAsync(user, shortcut);
            return TypedResults.NoContent();
        }).RequirePolicy(CrmPolicies.ManageCannedResponses);
        return endpoints;
    }
}
