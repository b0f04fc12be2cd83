using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.KnowledgeBase.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.KnowledgeBase;

public sealed class ArticleGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<ArticleState>(store, clock), IArticleGrain
{
    private string WorkspaceId => GrainKeys.Parse(this.GetPrimaryKeyString()).WorkspaceId;
    private string ArticleId => GrainKeys.Parse(this.GetPrimaryKeyString()).Id;

    protected override string StreamId => StreamIds.For(StreamIds.ArticleCategory, WorkspaceId, ArticleId);

    private IKnowledgeBaseGrain Catalog => GrainFactory.GetGrain<IKnowledgeBaseGrain>(WorkspaceId);

    public async Task<ArticleDetails> SaveDraftAsync(SaveArticleDraft command)
    {
        var title = ArticleRules.RequireTitle(command.Title);
        var drafted = new ArticleDrafted(
            ArticleRules.RequireSlug(command.Slug, title), title, ArticleRules.RequireCategory(command.Category), ArticleRules.RequireBody(command.Body));
        if (State.Exists && (State.Slug, State.Title, State.Category, State.Body) == (drafted.Slug, drafted.Title, drafted.Category, drafted.Body))
            return Details();
        if (await Catalog.FindSlugOwnerAsync(drafted.Slug, ArticleId) is not null)
            throw new DomainException(DomainErrorKind.Conflict, $"Another article already uses the slug '{drafted.Slug}'; choose another.");
        await CommitAsync(command.Actor, drafted);
        return Details();
    }

    public async Task<ArticleDetails> PublishAsync(string actor)
    {
        RequireExists();
        if (!State.IsPublished || State.HasUnpublishedChanges)
        {
            if (await Catalog.FindSlugOwnerAsync(State.Slug, ArticleId) is not null)
                throw new DomainException(DomainErrorKind.Conflict, $"Another article already uses the slug '{State.Slug}'; change this one's first.");
            var version = State.HasUnpublishedChanges ? State.PublishedVersion + 1 : State.PublishedVersion;
            await CommitAsync(actor, new ArticlePublished(version, State.Slug, State.Title, State.Category, State.Body));
        }
        return Details();
    }

    public async Task<ArticleDetails> UnpublishAsync(string actor)
    {
        RequireExists();
        if (State.IsPublished) await CommitAsync(actor, new ArticleUnpublished());
        return Details();
    }

    public async Task DeleteAsync(string actor)
    {
        if (State.Exists) await CommitAsync(actor, new ArticleDeleted());
    }

    public Task<ArticleDetails> GetDetailsAsync()
    {
        RequireExists();
        return Task.FromResult(Details());
    }

    public Task<PublishedArticle> GetPublishedAsync() =>
        Task.FromResult(State.Exists ? State.ToPublished(WorkspaceId, ArticleId) ?? throw NotFound() : throw NotFound());

    /// <summary>Commits, then lets the catalog fold it: the catalog reads the store itself, so a lost call only delays it.</summary>
    private async Task CommitAsync(string actor, DomainEvent @event)
    {
        var position = await RaiseAsync(actor, @event);
        await Catalog.CatchUpAsync(position);
    }

    private ArticleDetails Details() => State.ToDetails(WorkspaceId, ArticleId);

    private void RequireExists()
    {
        if (!State.Exists) throw NotFound();
    }

    private static DomainException NotFound() => new(DomainErrorKind.NotFound, "No such article in this workspace.");
}
