using Crm.Web.Security.Authorization;
using Crm.Web.Inbound;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class InboundApi
{
    /// <summary>
    /// /api/inbound/{workspaceId}/messages: an email or web-form message from a gateway, authenticated by the
    /// workspace's integration key (X-Crm-Inbound-Key). Idempotent by messageId.
    /// </summary>
    public static IEndpointRouteBuilder MapInboundApi(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous to the cookie scheme: the key filter is the authentication. No antiforgery: no browser session.
        var api = endpoints.MapGroup($"/api/inbound/{{{IntegrationKeyFilter.WorkspaceRouteParameter}}}").WithTags("Inbound")
            .RequirePolicy(CrmPolicies.Integration).DisableAntiforgery().AddEndpointFilter<IntegrationKeyFilter>();
        api.MapPost("/messages", ReceiveAsync);
        return endpoints;
    }

    /// <summary>201 when the message opened a conversation, 200 when it was posted into the recognised one.</summary>
    private static async Task<Results<Created<InboundMessageAccepted>, Ok<InboundMessageAccepted>>> ReceiveAsync(
        string workspaceId, HttpRequest request, IntegrationJson json, InboundMessageService inbound)
    {
        var message = InboundMessage.From(await json.ReadAsync<InboundMessageRequest>(request));
        var accepted = await inbound.ReceiveAsync(workspaceId, message);
        return accepted.Created
            ? TypedResults.Created($"/api/conversations/{accepted.ConversationId}", accepted)
            : TypedResults.Ok(accepted);
    }
}
