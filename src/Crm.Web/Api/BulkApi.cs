using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services.Bulk;

namespace Crm.Web.Api;

public static class BulkApi
{
    /// <summary>
    /// The records (ids, or allMatching with the list's filter; at most 500 a call) and the action's argument: ownerId,
    /// tag, pipelineId/stageId/currency (add to a pipeline), stageId/reason (move). Unknown fields are refused.
    /// </summary>
    public sealed record BulkRequest(
        List<string>? Ids, Dictionary<string, string>? Filter, bool? AllMatching,
        string? OwnerId, string? Tag, string? PipelineId, string? StageId, string? Currency, string? Reason)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? Unknown { get; init; }

        public BulkSelection Selection() => Unknown is { Count: > 0 } unknown
            ? throw BulkSelection.Invalid($"Unknown field{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Keys)}.")
            : new BulkSelection(Ids, Filter, AllMatching ?? false);
    }

    public static readonly string[] CustomerActions = ["assign-owner", "add-tag", "remove-tag", "add-to-pipeline"];
    public static readonly string[] DealActions = ["assign-owner", "move-stage"];

    /// <summary>POST /api/customers/bulk/{action} and /api/deals/bulk/{action}: counts, and each record's outcome with its reason.</summary>
    public static IEndpointRouteBuilder MapBulkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/customers/bulk/{action}", (string action, BulkRequest r, WorkspaceUser user, CustomerBulkService bulk) => action switch
        {
            "assign-owner" => bulk.AssignOwnerAsync(user, r.Selection(), r.OwnerId),
            "add-tag" => bulk.TagAsync(user, r.Selection(), r.Tag, add: true),
            "remove-tag" => bulk.TagAsync(user, r.Selection(), r.Tag, add: false),
            "add-to-pipeline" => bulk.AddToPipelineAsync(user, r.Selection(), r.PipelineId, r.StageId, r.Currency),
            _ => Unknown(action, CustomerActions),
        }).WithTags("Customers").RequirePolicy(CrmPolicies.Sell);
        endpoints.MapPost("/api/deals/bulk/{action}", (string action, BulkRequest r, WorkspaceUser user, DealBulkService bulk) => action switch
        {
            "assign-owner" => bulk.AssignOwnerAsync(user, r.Selection(), r.OwnerId),
            "move-stage" => bulk.MoveStageAsync(user, r.Selection(), r.StageId, r.Reason),
            _ => Unknown(action, DealActions),
        }).WithTags("Deals").RequirePolicy(CrmPolicies.Sell);
        return endpoints;
    }

    private static Task<BulkResult> Unknown(string action, string[] actions) =>
        Task.FromException<BulkResult>(new DomainException(DomainErrorKind.Invalid, $"'{action}' is not a bulk action here; use {string.Join(", ", actions)}."));
}
