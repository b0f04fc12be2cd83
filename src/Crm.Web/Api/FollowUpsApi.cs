using Crm.Grains.Abstractions.FollowUps;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class FollowUpsApi
{
    public sealed record FollowUpRequest(string? FollowUpId, string? Title, DateTimeOffset? DueAt, DateTimeOffset? RemindAt, string? OwnerId,
        string? CustomerId, string? DealId, string? CompanyId);

    /// <summary>/api/follow-ups and /api/my-day: a rep's tasks with due dates and reminders, and their day at a glance.</summary>
    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Follow-ups").RequirePolicy(CrmPolicies.Sell);
        api.MapGet("/follow-ups", (string? owner, string? customer, string? deal, bool? includeDone, WorkspaceUser user, FollowUpService followUps) =>
            followUps.ListAsync(user, new FollowUpQuery(owner, customer, deal, null, includeDone ?? false)));
        api.MapPost("/follow-ups", async (FollowUpRequest r, WorkspaceUser user, FollowUpService followUps) =>
        {
            var due = r.DueAt ?? throw new Grains.Abstractions.Errors.DomainException(Grains.Abstractions.Errors.DomainErrorKind.Invalid, "dueAt is required.");
            var scheduled = await followUps.ScheduleAsync(user, r.FollowUpId, new ScheduleFollowUp(r.Title ?? "", due, r.RemindAt, r.OwnerId ?? "",
                r.CustomerId, r.DealId, r.CompanyId, ""));
            return TypedResults.Created($"/api/follow-ups/{scheduled.FollowUpId}", scheduled);
        });
        api.MapPost("/follow-ups/{followUpId}/complete", (string followUpId, WorkspaceUser user, FollowUpService followUps) => followUps.CompleteAsync(user, followUpId));
        api.MapGet("/my-day", (WorkspaceUser user, FollowUpService followUps) => followUps.MyDayAsync(user));
        return endpoints;
    }
}
