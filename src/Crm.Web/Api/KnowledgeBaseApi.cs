using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;

namespace Crm.Web.Api;

public static class KnowledgeBaseApi
{
    public sealed record ArticleRequest(string? Title, string? Category, string? Slug, string? Body);

    /// <summary>/api/knowledge-base: list and search (staff), write, publish, unpublish, delete (supervisors and admins).</summary>
    public static IEndpointRouteBuilder MapKnowledgeBaseApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/knowledge-base").WithTags("Knowledge base");
        api.MapGet("/articles", async (WorkspaceUser user, KnowledgeBaseService kb) => TypedResults.Ok(await kb.ListAsync(user)))
            .RequirePolicy(CrmPolicies.Staff);
        api.MapGet("/articles/{articleId}", async (string articleId, WorkspaceUser user, KnowledgeBaseService kb) =>
            TypedResults.Ok(await kb.GetAsync(user, articleId))).RequirePolicy(CrmPolicies.Staff);
        api.MapPost("/articles", async (ArticleRequest request, WorkspaceUser user, KnowledgeBaseService kb) =>
        {
            var created = await kb.CreateAsync(user, request.Title, request.Category, request.Slug, request.Body);
            return TypedResults.Created($"/api/knowledge-base/articles/{created.ArticleId}", created);
        }).RequirePolicy(CrmPolicies.ManageKnowledgeBase);
        api.MapPut("/articles/{articleId}", async (string articleId, ArticleRequest request, WorkspaceUser user, KnowledgeBaseService kb) =>
            TypedResults.Ok(await kb.SaveAsync(user, articleId, request.Title, request.Category, request.Slug, request.Body)))
            .RequirePolicy(CrmPolicies.ManageKnowledgeBase);
        api.MapPost("/articles/{articleId}/publish", async (string articleId, WorkspaceUser user, KnowledgeBaseService kb) =>
            TypedResults.Ok(await kb.PublishAsync(user, articleId))).RequirePolicy(CrmPolicies.ManageKnowledgeBase);
        api.MapPost("/articles/{articleId}/unpublish", async (string articleId, WorkspaceUser user, KnowledgeBaseService kb) =>
            TypedResults.Ok(await kb.UnpublishAsync(user, articleId))).RequirePolicy(CrmPolicies.ManageKnowledgeBase);
        api.MapDelete("/articles/{articleId}", async (string articleId, WorkspaceUser user, KnowledgeBaseService kb) =>
        {
            await kb.DeleteAsync(user, articleId);
            return TypedResults.NoContent();
        }).RequirePolicy(CrmPolicies.ManageKnowledgeBase);
        api.MapGet("/search", async (string? q, WorkspaceUser user, AssistantService assistant) =>
            TypedResults.Ok(await assistant.SearchArticlesAsync(user, q))).RequirePolicy(CrmPolicies.Staff);
        return endpoints;
    }
}
