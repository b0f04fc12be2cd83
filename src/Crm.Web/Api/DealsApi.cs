using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class DealsApi
{
    public sealed record DealRequest(
        string? DealId, string? Title, string? PipelineId, string? StageId, decimal? Amount, string? Currency, DateOnly? ExpectedClose,
        string? OwnerId, IReadOnlyList<string>? ContactIds, string? CompanyId);

    public sealed record MoveRequest(string? StageId, string? Reason);

    /// <summary>/api/deals: list, board, weighted forecast, CSV export, create, update, move between stages. Sales reps change their own deals only.</summary>
    public static IEndpointRouteBuilder MapDealsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/deals").WithTags("Deals").RequirePolicy(CrmPolicies.Sell);
        api.MapGet("/", (string? pipeline, string? stage, string? owner, string? outcome, string? contact, string? company, string? q, WorkspaceUser user, DealService deals) =>
            deals.ListAsync(user, Query(pipeline, stage, owner, outcome, contact, company, q)));
        api.MapGet("/board", (string? pipeline, string? owner, WorkspaceUser user, DealService deals) => deals.BoardAsync(user, pipeline, owner));
        api.MapGet("/forecast", (string? from, string? to, WorkspaceUser user, DealService deals, TimeProvider clock) =>
        {
            var month = clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            return deals.ForecastAsync(user, from ?? month, to ?? from ?? month);
        });
        api.MapPost("/", async (DealRequest r, WorkspaceUser user, DealService deals) =>
        {
            var created = await deals.CreateAsync(user, r.DealId, new CreateDeal(r.Title ?? "", r.PipelineId ?? "sales", r.StageId ?? "",
                Required(r.Amount, "amount"), r.Currency ?? "", r.ExpectedClose, r.OwnerId, r.ContactIds, r.CompanyId, ""));
            return TypedResults.Created($"/api/deals/{created.DealId}", created);
        });
        api.MapGet("/{dealId}", (string dealId, WorkspaceUser user, DealService deals) => deals.GetAsync(user, dealId));
        api.MapPut("/{dealId}", (string dealId, DealRequest r, WorkspaceUser user, DealService deals) =>
            deals.UpdateAsync(user, dealId, new UpdateDeal(r.Title ?? "", Required(r.Amount, "amount"), r.Currency ?? "", r.ExpectedClose,
                r.OwnerId, r.ContactIds, r.CompanyId, "")));
        api.MapPut("/{dealId}/stage", (string dealId, MoveRequest r, WorkspaceUser user, DealService deals) => deals.MoveAsync(user, dealId, r.StageId, r.Reason));
        endpoints.MapGet("/api/deals.csv", (string? pipeline, string? stage, string? owner, string? outcome, string? contact, string? company, string? q, WorkspaceUser user, DealService deals) =>
            TypedResults.Stream(body => CrmCsvExport.DealsAsync(body, user, deals, Query(pipeline, stage, owner, outcome, contact, company, q)),
                "text/csv; charset=utf-8", $"deals-{user.WorkspaceId}.csv"))
            .WithTags("Deals").RequirePolicy(CrmPolicies.Sell);
        return endpoints;
    }

    private static DealQuery Query(string? pipeline, string? stage, string? owner, string? outcome, string? contact, string? company, string? q) =>
        new(pipeline, stage, owner, QueryEnum.Parse<StageOutcome>(outcome, "outcome"), contact, company, q);

    private static decimal Required(decimal? value, string name) =>
        value ?? throw new Grains.Abstractions.Errors.DomainException(Grains.Abstractions.Errors.DomainErrorKind.Invalid, $"{name} is required.");
}
