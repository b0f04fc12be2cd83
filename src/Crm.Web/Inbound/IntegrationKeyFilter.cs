using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;

namespace Crm.Web.Inbound;

/// <summary>
/// Guards the integration endpoints (route parameter "workspaceId"): the key first (401), then the workspace (404).
/// Their handlers bind no body, so nothing of the request is read before the key is checked.
/// </summary>
public sealed class IntegrationKeyFilter(IntegrationKeys keys, IGrainFactory grains) : IEndpointFilter
{
    public const string WorkspaceRouteParameter = "workspaceId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var workspaceId = http.GetRouteValue(WorkspaceRouteParameter) as string ?? "";
        keys.Require(workspaceId, http.Request.Headers[InboundOptions.KeyHeader]);
        // Only a configured workspace gets here (keys are validated as workspace ids), yet it may not have been created.
        if (!Ids.IsValid(workspaceId) || await grains.GetGrain<IWorkspaceGrain>(workspaceId).FindAsync() is null)
            throw new DomainException(DomainErrorKind.NotFound, $"There is no workspace '{workspaceId}'.");
        return await next(context);
    }
}
