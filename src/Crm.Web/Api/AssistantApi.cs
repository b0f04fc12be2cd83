using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class AssistantApi
{
    /// <summary>
    /// /api/conversations/{id}/suggestions, /draft (agents, supervisors, admins: they answer) and /summary (all staff):
    /// computed on request, never sent by themselves. /api/workspace/ai-usage: tokens used per month, and
    /// /api/workspace/suggestion-acceptance: verdicts per suggestion kind (admins).
    /// </summary>
    public static IEndpointRouteBuilder MapAssistantApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/conversations/{conversationId}").WithTags("Assistant");
        api.MapGet("/suggestions", async (string conversationId, WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.SuggestAsync(user, conversationId))).RequirePolicy(CrmPolicies.Converse);
        api.MapGet("/draft", async (string conversationId, WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.DraftAsync(user, conversationId))).RequirePolicy(CrmPolicies.Converse);
        api.MapGet("/summary", async (string conversationId, WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.SummarizeAsync(user, conversationId))).RequirePolicy(CrmPolicies.Staff);
        // Language-model tokens per month from the workspace's durable ledger: what the monthly budget is checked against.
        endpoints.MapGet("/api/workspace/ai-usage", async (WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.UsageAsync(user))).WithTags("Assistant").RequirePolicy(CrmPolicies.Administer);
        endpoints.MapGet("/api/workspace/suggestion-acceptance", async (WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.AcceptanceAsync(user))).WithTags("Assistant").RequirePolicy(CrmPolicies.Administer);
        return endpoints;
    }
}
