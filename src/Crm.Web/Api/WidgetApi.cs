using Crm.Web.Security.Authorization;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Services;
using Crm.Web.Visitors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class WidgetApi
{
    public const string CorsPolicy = "widget";

    public sealed record SessionRequest(string? WorkspaceId, string? Token);

    public sealed record SessionResponse(string Token, string WorkspaceId, string CustomerId, DateTimeOffset ExpiresAt);

    /// <summary>Whether an agent can chat now; deliberately nothing more (no names, no counts) for the public.</summary>
    public sealed record AvailabilityResponse(bool AgentsAvailable);

    /// <summary>A published article that may answer what the visitor is typing, linked to the help center.</summary>
    public sealed record ArticleSuggestion(string Title, string Url, string Passage);

    /// <summary>Fewer characters than this are still being typed: nothing is suggested for them.</summary>
    public const int MinSuggestionQuery = 4;

    /// <summary>Below this retrieval score a match is a guess; the widget shows nothing rather than a wrong article.</summary>
    public const double MinSuggestionScore = 0.3;

    /// <summary>
    /// /api/widget/sessions: a visitor token for a workspace. A still-valid token for the same workspace returns the
    /// same visitor (a returning visitor keeps their history); anything else starts a new visitor.
    /// </summary>
    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/widget").WithTags("Widget").RequirePolicy(CrmPolicies.Public).RequireCors(CorsPolicy).DisableAntiforgery();
        api.MapPost("/sessions", CreateSessionAsync);
        api.MapGet("/availability", GetAvailabilityAsync);
        api.MapGet("/articles", SuggestArticlesAsync);

        var files = endpoints.MapGroup("/api/widget/attachments").WithTags("Widget").RequireCors(CorsPolicy)
            .RequirePolicy(CrmPolicies.Visitor).DisableAntiforgery();
        files.MapPost("/", async (HttpContext context, AttachmentService attachments, CancellationToken cancellationToken) =>
        {
            var visitor = Visitor.From(context.User)!;
            var stored = await AttachmentsApi.ReceiveAsync(context, visitor.WorkspaceId, attachments, cancellationToken);
            // The storage key stays on the server: the widget refers to the file by id and name only.
            return TypedResults.Ok(new AttachmentRef(stored.Id, stored.FileName));
        });
        files.MapGet("/{conversationId}/{attachmentId}/{fileName}", async (
            string conversationId, string attachmentId, string fileName, HttpContext context,
            VisitorConversationService conversations, AttachmentService attachments, CancellationToken cancellationToken) =>
        {
            var visitor = Visitor.From(context.User)!;
            var attachment = await conversations.RequireAttachmentAsync(visitor, conversationId, attachmentId);
            var blob = await attachments.OpenAsync(visitor.WorkspaceId, attachment.Id, attachment.FileName, cancellationToken);
            return AttachmentsApi.Serve(context, blob, attachment.FileName);
        });
        return endpoints;
    }

    /// <summary>/api/widget/availability?workspaceId=…: what the widget shows before a chat starts.</summary>
    private static async Task<Results<Ok<AvailabilityResponse>, ProblemHttpResult>> GetAvailabilityAsync(
        string? workspaceId, IGrainFactory grains, AgentPresenceService presence)
    {
        var id = Ids.Require(workspaceId, "workspace");
        // Only real workspaces get a roster: an anonymous caller must not activate grains for made-up ids.
        if (await grains.GetGrain<IWorkspaceGrain>(id).FindAsync() is null)
            return TypedResults.Problem($"There is no workspace '{id}'.", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new AvailabilityResponse((await presence.GetAvailabilityAsync(id)).AgentsAvailable));
    }

    /// <summary>
    /// /api/widget/articles?workspaceId=…&amp;q=…: up to three published articles for what the visitor is typing before a
    /// chat starts, so they may find the answer without waiting for a person. Published versions of this workspace
    /// only (the assistant's catalog holds nothing else); confident matches only.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<ArticleSuggestion>>, ProblemHttpResult>> SuggestArticlesAsync(
        string? workspaceId, string? q, IGrainFactory grains, HttpRequest request)
    {
        var id = Ids.Require(workspaceId, "workspace");
        if (q is { Length: > HelpCenter.HelpCenterEndpoints.MaxQueryLength })
            return TypedResults.Problem($"Ask with at most {HelpCenter.HelpCenterEndpoints.MaxQueryLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        if (await grains.GetGrain<IWorkspaceGrain>(id).FindAsync() is null)
            return TypedResults.Problem($"There is no workspace '{id}'.", statusCode: StatusCodes.Status404NotFound);
        var text = q?.Trim() ?? "";
        if (text.Length < MinSuggestionQuery) return TypedResults.Ok<IReadOnlyList<ArticleSuggestion>>([]);
        var matches = await grains.GetGrain<IAssistantGrain>(id).SearchArticlesAsync(text, 3);
        var help = $"{request.Scheme}://{request.Host}{request.PathBase}/help/{Uri.EscapeDataString(id)}/articles/";
        return TypedResults.Ok<IReadOnlyList<ArticleSuggestion>>(matches
            .Where(m => m.Score >= MinSuggestionScore)
            .Select(m => new ArticleSuggestion(m.Title, help + Uri.EscapeDataString(m.Slug), m.Passage.Length > 160 ? m.Passage[..160] + "…" : m.Passage))
            .ToList());
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
