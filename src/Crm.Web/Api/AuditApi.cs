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
            Number<long>(before, "before"), Number<int>(limit, "limit"), actor, category, entity, Instant(from, "from"), Instant(to, "to"))));

    private static T? Number<T>(string? value, string name) where T : struct, INumber<T> =>
        string.IsNullOrWhiteSpace(value) ? null
        : T.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw Invalid($"'{value}' is not a valid {name}: use a whole number.");

    /// <summary>ISO 8601; a time without an offset is UTC, so the same link means the same range for everyone.</summary>
    private static DateTimeOffset? Instant(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw Invalid($"'{value}' is not a valid {name} time: use ISO 8601, such as 2026-03-01T09:00:00Z.");

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
