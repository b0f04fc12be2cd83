using Crm.Web.Security.Authorization;
using System.Globalization;
using System.Numerics;
using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class AuditApi
{
    public const string Path = "/api/admin/audit";

    /// <summary>
    /// /api/admin/audit: the caller's workspace's audit trail, newest first, and its hash-chain check. Admins only; the
    /// role is required here explicitly, not left to a fallback policy.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Path).WithTags("Audit").RequirePolicy(CrmPolicies.Administer);
        api.MapGet("/", ReadAsync);
        api.MapGet("/chain", async (WorkspaceUser user, AuditTrailService audit) => TypedResults.Ok(await audit.VerifyChainAsync(user)));
        return endpoints;
    }

    /// <summary>?before= (the previous page's "next") &amp;limit= &amp;actor= &amp;category= &amp;entity= &amp;from= &amp;to= (ISO 8601)</summary>
    private static async Task<Ok<AuditPage>> ReadAsync(
        string? before, string? limit, string? actor, string? category, string? entity, string? from, string? to,
        WorkspaceUser user, AuditTrailService audit) =>
        TypedResults.Ok(await audit.ReadAsync(user, AuditQuery.Create(
            QueryValues.Number<long>(before, "before"), QueryValues.Number<int>(limit, "limit"), actor, category, entity, QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to"))));

}
