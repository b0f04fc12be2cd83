using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class WidgetApi
{
    public const string CorsPolicy = "widget";

    public sealed record SessionRequest(string? WorkspaceId, string? Token);

    public sealed record SessionResponse(string Token, string WorkspaceId, string CustomerId, DateTimeOffset ExpiresAt);

    /// <summary>
    /// /api/widget/sessions: a visitor token for a workspace. A still-valid token for the same workspace returns the
    /// same visitor (a returning visitor keeps their history); anything else starts a new visitor.
    /// </summary>
    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/widget").WithTags("Widget").AllowAnonymous().RequireCors(CorsPolicy).DisableAntiforgery();
        api.MapPost("/sessions", CreateSessionAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CreateSessionAsync(
        SessionRequest request, IGrainFactory grains, VisitorTokens tokens, TimeProvider clock)
    {
        var workspaceId = Ids.Require(request.WorkspaceId, "workspace");
        if (await grains.GetGrain<IWorkspaceGrain>(workspaceId).FindAsync() is null)
            return TypedResults.Problem($"There is no workspace '{workspaceId}'.", statusCode: StatusCodes.Status404NotFound);

        var visitor = tokens.Validate(request.Token) is { } known && known.WorkspaceId == workspaceId
            ? known
            : new Visitor(workspaceId, $"v{Ids.New()}");
        return TypedResults.Ok(new SessionResponse(tokens.Issue(visitor), workspaceId, visitor.CustomerId, clock.GetUtcNow() + VisitorTokens.Lifetime));
    }
}
