using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.KnowledgeBase;
using Crm.Grains.KnowledgeBase.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.KnowledgeBase;

[Collection(ClusterCollection.Name)]
public sealed class ArticleGrainTests(CrmClusterFixture cluster)
{
    private const string Actor = "user:editor";
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IArticleGrain Article(string id) => cluster.Grains.GetGrain<IArticleGrain>(GrainKeys.Scoped(workspaceId, id));

    private IKnowledgeBaseGrain Catalog => cluster.Grains.GetGrain<IKnowledgeBaseGrain>(workspaceId);

    [Fact]
    public async Task SaveDraft_ThenPublish_HelpCenterSeesThePublishedVersionOnly()
    {
        var article = Article("a1");
        await article.SaveDraftAsync(new SaveArticleDraft("Reset your password", "Account", null, "Use **Forgot password**.", Actor));
        await Assert.ThrowsAsync<DomainException>(() => article.GetPublishedAsync());

        await article.PublishAsync(Actor);
        var edited = await article.SaveDraftAsync(new SaveArticleDraft("Reset your password", "Account", null, "New text, not yet published.", Actor));

        var published = await article.GetPublishedAsync();
        Assert.Equal(("reset-your-password", 1, "Use **Forgot password**."), (published.Slug, published.Version, published.Body));
        Assert.True(edited.HasUnpublishedChanges);
        Assert.Equal(ArticleStatus.Published, edited.Status);
        Assert.Equal("a1", (await Catalog.FindPublishedAsync("reset-your-password"))?.ArticleId);
    }

    [Fact]
    public async Task PublishTwice_WithoutChanges_OneVersion_ThenEditAndPublish_VersionTwo()
    {
        var article = Article("a2");
        await article.SaveDraftAsync(new SaveArticleDraft("Refunds", "Billing", "refunds", "Within 30 days.", Actor));
        await article.PublishAsync(Actor);
        await article.PublishAsync(Actor);
        await article.SaveDraftAsync(new SaveArticleDraft("Refunds", "Billing", "refunds", "Within 60 days.", Actor));
        var details = await article.PublishAsync(Actor);

        Assert.Equal(2, details.PublishedVersion);
        Assert.False(details.HasUnpublishedChanges);
        Assert.Equal(2, (await Events("a2")).Count(e => e is ArticlePublished));
    }

    [Fact]
    public async Task SlugTakenByAnotherArticle_RefusedAsConflictAndNothingStored()
    {
        await Article("first").SaveDraftAsync(new SaveArticleDraft("Shipping times", "Orders", "shipping", "3–5 days.", Actor));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Article("second").SaveDraftAsync(new SaveArticleDraft("Delivery", "Orders", "shipping", "Soon.", Actor)));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Empty(await Events("second"));
    }

    [Theory]
    [InlineData("", "Cat", "slug", "Body", "title")]
    [InlineData("Title", "", "slug", "Body", "category")]
    [InlineData("Title", "Cat", "Not A Slug!", "Body", "slug")]
    [InlineData("Title", "Cat", "ok", "  ", "body")]
    public async Task SaveDraft_InvalidInput_RefusedWithTheRuleAndNothingStored(string title, string category, string slug, string body, string mentioned)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Article("bad").SaveDraftAsync(new SaveArticleDraft(title, category, slug, body, Actor)));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains(mentioned, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Events("bad"));
    }

    [Fact]
    public async Task UnpublishAndDelete_LeaveTheHelpCenterAndTheCatalog_AfterARebuildToo()
    {
        var article = Article("gone");
        await article.SaveDraftAsync(new SaveArticleDraft("Old promo", "Billing", null, "Expired.", Actor));
        await article.PublishAsync(Actor);
        await article.UnpublishAsync(Actor);
        Assert.Null(await Catalog.FindPublishedAsync("old-promo"));
        await Article("kept").SaveDraftAsync(new SaveArticleDraft("Kept", "Billing", null, "Here.", Actor));

        await article.DeleteAsync(Actor);
        await cluster.DeactivateAsync(Catalog);

        Assert.Equal(["kept"], (await Catalog.ListAsync()).Select(a => a.ArticleId));
        await Assert.ThrowsAsync<DomainException>(() => article.GetDetailsAsync());
    }

    [Fact]
    public void Slugify_TitleWithAccentsAndPunctuation_LowercaseDashes() =>
        Assert.Equal("how-do-i-reset-my-password-cafe", ArticleRules.Slugify("How do I reset my password? (Café)"));

    private Task<IReadOnlyList<Crm.Grains.EventSourcing.DomainEvent>> Events(string articleId) =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.ArticleCategory, workspaceId, articleId));
}
