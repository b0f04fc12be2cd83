using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.CannedResponses;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.CannedResponses;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Crm.Grains.Ai;

/// <summary>
/// Gathers a conversation's context from its grains, asks the engine (outside any aggregate grain: the engine runs its
/// model on the thread pool, with a timeout), and passes on only citations of published articles of this workspace.
/// Stateless: any silo may run as many as it needs.
/// </summary>
[StatelessWorker]
public sealed class AssistantGrain(ISupportAssistant engine, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IAssistantGrain
{
    /// <summary>A suggestion later than this is worth nothing to an agent mid-conversation.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const int MaxMessages = 30;

    private string WorkspaceId => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<NextBestAction>> SuggestAsync(string conversationId)
    {
        var context = await ContextAsync(conversationId);
        using var timeout = new CancellationTokenSource(Timeout);
        var acceptance = GrainFactory.GetGrain<ISuggestionFeedbackGrain>(WorkspaceId).GetAcceptanceAsync();
        var actions = AcceptanceRanking.Rerank(await engine.SuggestActionsAsync(context, timeout.Token), await acceptance);
        var grounded = new List<NextBestAction>();
        foreach (var action in actions)
        {
            var citations = await CitationGuard.KeepPublishedAsync(GrainFactory, WorkspaceId, action.Citations ?? []);
            // An article suggestion whose article is gone is no suggestion at all; other kinds just lose the stale link.
            if (action.Kind == ActionKind.SuggestArticle && citations.Count == 0) continue;
            grounded.Add(action.Citations is null ? action : action with { Citations = citations });
        }
        return grounded;
    }

    public async Task<DraftReply> DraftAsync(string conversationId)
    {
        var context = await ContextAsync(conversationId);
        using var timeout = new CancellationTokenSource(Timeout);
        return await CitationGuard.GroundAsync(GrainFactory, WorkspaceId, await engine.DraftReplyAsync(context, timeout.Token));
    }

    public async Task<ConversationDigest> SummarizeAsync(string conversationId)
    {
        var context = await ContextAsync(conversationId);
        using var timeout = new CancellationTokenSource(Timeout);
        return await engine.SummarizeAsync(context, timeout.Token);
    }

    public async Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(string query, int take)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > MessageLimits.MaxBodyLength)
            throw new DomainException(DomainErrorKind.Invalid, $"A search needs 1–{MessageLimits.MaxBodyLength} characters.");
        using var timeout = new CancellationTokenSource(Timeout);
        var matches = await engine.SearchArticlesAsync(WorkspaceId, query.Trim(), Math.Clamp(take, 1, 20), timeout.Token);
        var kept = new List<ArticleMatch>();
        foreach (var match in matches)
        {
            if ((await CitationGuard.KeepPublishedAsync(GrainFactory, WorkspaceId, [new Citation(match.ArticleId, match.Slug, match.Title, match.Version)])).Count > 0)
                kept.Add(match);
        }
        return kept;
    }

    private async Task<AssistContext> ContextAsync(string conversationId)
    {
        var conversation = await GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, conversationId)).GetDetailsAsync();
        var messagesTask = GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, conversationId)).GetMessagesAfterAsync(0);
        var customer = GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Scoped(WorkspaceId, conversation.CustomerId));
        var cannedTask = GrainFactory.GetGrain<ICannedResponsesGrain>(WorkspaceId).ListAsync();
        var detailsTask = customer.GetDetailsAsync();
        var conversationsTask = customer.GetConversationIdsAsync();
        await Task.WhenAll(messagesTask, cannedTask, detailsTask.ContinueWith(_ => { }), conversationsTask.ContinueWith(_ => { }));
        var messages = messagesTask.Result.Where(m => m.Kind == MessageKind.Message).TakeLast(MaxMessages)
            .Select(m => new ContextMessage(m.Author.Kind, m.Author.DisplayName, m.Body, m.PostedAt)).ToList();
        var assignee = conversation.AssigneeName ?? "";
        return new AssistContext(WorkspaceId, conversationId, conversation.CustomerName,
            detailsTask.IsCompletedSuccessfully ? detailsTask.Result.Email : null, messages, conversation.Priority,
            conversation.SlaDueAt, conversation.SlaBreached, clock.GetUtcNow(),
            cannedTask.Result.Select(c => new CannedOption(c.Shortcut, c.Title, CannedResponseRules.Fill(c.Body, conversation.CustomerName, assignee))).ToList(),
            [], assignee, conversationsTask.IsCompletedSuccessfully ? Math.Max(0, conversationsTask.Result.Count - 1) : 0);
    }
}
