using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class CrmSettingsApi
{
    public sealed record AttributeRequest(string? Label, AttributeKind? Kind, IReadOnlyList<string>? Options);

    public sealed record PipelineRequest(string? Name, IReadOnlyList<PipelineStage>? Stages);

    /// <summary>/api/attributes and /api/pipelines: everyone reads them; admins define custom attributes and pipelines.</summary>
    public static IEndpointRouteBuilder MapCrmSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("CRM settings");
        api.MapGet("/attributes", (WorkspaceUser user, AttributeSchemaService schema) => schema.GetAsync(user)).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("/attributes/{target}/{key}", (string target, string key, AttributeRequest r, WorkspaceUser user, AttributeSchemaService schema) =>
            schema.DefineAsync(user, new DefineAttribute(Target(target), key, r.Label ?? "", r.Kind ?? AttributeKind.Text, r.Options, "")))
            .RequirePolicy(CrmPolicies.Administer);
        api.MapDelete("/attributes/{target}/{key}", (string target, string key, WorkspaceUser user, AttributeSchemaService schema) =>
            schema.RemoveAsync(user, Target(target), key)).RequirePolicy(CrmPolicies.Administer);
        api.MapGet("/pipelines", (WorkspaceUser user, DealService deals) => deals.PipelinesAsync(user)).RequirePolicy(CrmPolicies.Staff);
        api.MapPut("/pipelines/{pipelineId}", (string pipelineId, PipelineRequest r, WorkspaceUser user, DealService deals) =>
            deals.DefinePipelineAsync(user, new DefinePipeline(pipelineId, r.Name ?? "", r.Stages ?? [], ""))).RequirePolicy(CrmPolicies.Administer);
        return endpoints;
    }

    private static AttributeTarget Target(string target) =>
        QueryEnum.Parse<AttributeTarget>(target, "record kind")
        ?? throw new Grains.Abstractions.Errors.DomainException(Grains.Abstractions.Errors.DomainErrorKind.Invalid, "Name the record kind: customer or company.");
}
