using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>The signed-in user's workspace's knowledge base: everyone on staff reads; supervisors and admins edit.</summary>
public sealed class KnowledgeBaseService(IGrainFactory grains)
{
    public Task<IReadOnlyList<ArticleSummary>> ListAsync(WorkspaceUser user) => grains.GetGrain<IKnowledgeBaseGrain>(user.WorkspaceId).ListAsync();

    public Task<ArticleDetails> GetAsync(WorkspaceUser user, string articleId) => Article(user, articleId).GetDetailsAsync();

    public Task<ArticleDetails> CreateAsync(WorkspaceUser user, string? title, string? category, string? slug, string? body) =>
        SaveAsync(user, Ids.New(), title, category, slug, body);

    public Task<ArticleDetails> SaveAsync(WorkspaceUser user, string articleId, string? title, string? category, string? slug, string? body) =>
        Editable(user, articleId).SaveDraftAsync(new SaveArticleDraft(title ?? "", category ?? "", slug, body ?? "", user.Actor));

    public Task<ArticleDetails> PublishAsync(WorkspaceUser user, string articleId) => Editable(user, articleId).PublishAsync(user.Actor);

    public Task<ArticleDetails> UnpublishAsync(WorkspaceUser user, string articleId) => Editable(user, articleId).UnpublishAsync(user.Actor);

    public Task DeleteAsync(WorkspaceUser user, string articleId) => Editable(user, articleId).DeleteAsync(user.Actor);

    private IArticleGrain Editable(WorkspaceUser user, string articleId)
    {
        user.Require(CrmPolicies.ManageKnowledgeBase);
        return Article(user, articleId);
    }

    private IArticleGrain Article(WorkspaceUser user, string articleId) =>
        grains.GetGrain<IArticleGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(articleId, "article")));
}
