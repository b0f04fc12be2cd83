using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class SalesAssistantApi
{
    public sealed record FeedbackRequest(string? SuggestionId, string? Verdict, string? EditedText, string? Owner);

    /// <summary>
    /// /api/my-day/suggestions: follow-ups the assistant suggests for a rep (their own; supervisors and admins pass
    /// ?owner=), and /api/my-day/suggestions/feedback to accept, edit or reject one.
    /// </summary>
    public static IEndpointRouteBuilder MapSalesAssistantApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/my-day/suggestions").WithTags("Follow-ups").RequirePolicy(CrmPolicies.Sell);
        api.MapGet("", async (string? owner, WorkspaceUser user, SalesAssistantService sales) =>
            TypedResults.Ok(await sales.SuggestAsync(user, owner)));
        api.MapPost("/feedback", async (FeedbackRequest request, WorkspaceUser user, SalesAssistantService sales) =>
        {
            if (string.IsNullOrWhiteSpace(request.SuggestionId))
                throw new DomainException(DomainErrorKind.Invalid, "Send the 'suggestionId' to decide on.");
            if (!Enum.TryParse<SuggestionVerdict>(request.Verdict, ignoreCase: true, out var verdict) || !Enum.IsDefined(verdict) || int.TryParse(request.Verdict, out _))
                throw new DomainException(DomainErrorKind.Invalid, "Send 'verdict': accepted, edited or rejected.");
            await sales.RecordAsync(user, request.Owner, request.SuggestionId, verdict, request.EditedText);
            return TypedResults.NoContent();
        });
        return endpoints;
    }
}
