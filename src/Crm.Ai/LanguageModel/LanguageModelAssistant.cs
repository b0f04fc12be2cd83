using System.Globalization;
using Crm.Ai.Engines;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.Ai;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// Drafts through a language model (Semantic Kernel against an OpenAI-compatible endpoint), around the offline engine:
/// everything else, and every draft the model cannot ground, is the offline engine's, with the reason in the draft's
/// signals. The call runs with its own timeout on the caller's (stateless) turn; no aggregate grain waits on it.
/// </summary>
public sealed class LanguageModelAssistant(
    ISupportAssistant offline,
    KnowledgeIndex index,
    IChatCompletionService chat,
    AiOptions options,
    ITokenLedger ledger,
    ILogger<LanguageModelAssistant>? logger = null) : ISupportAssistant
{
    public const string EngineName = "language-model";
    private const int GroundingPassages = 3;

    private readonly ILogger _logger = logger ?? NullLogger<LanguageModelAssistant>.Instance;

    public Task<IReadOnlyList<ArticleMatch>> SearchArticlesAsync(string workspaceId, string query, int take, CancellationToken cancellationToken) =>
        offline.SearchArticlesAsync(workspaceId, query, take, cancellationToken);

    /// <summary>The offline engine's actions, with the article suggestion's draft written by the model when a reply is owed (or why not).</summary>
    public async Task<IReadOnlyList<NextBestAction>> SuggestActionsAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var actions = offline.SuggestActionsAsync(context, cancellationToken);
        if (!ConversationText.AwaitingReply(context)) return await actions;
        var outcome = await TryModelAsync(context, cancellationToken);
        return ModelDraftSuggestion.Apply(await actions, outcome.Draft, outcome.FallbackReason);
    }

    public Task<ConversationDigest> SummarizeAsync(AssistContext context, CancellationToken cancellationToken) =>
        offline.SummarizeAsync(context, cancellationToken);

    public IReadOnlyList<AttentionItem> RankAttention(IReadOnlyList<AttentionCandidate> conversations, DateTimeOffset now) =>
        offline.RankAttention(conversations, now);

    public async Task<DraftReply> DraftReplyAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var outcome = await TryModelAsync(context, cancellationToken);
        if (outcome.Draft is { } draft) return draft;
        var offlineDraft = await offline.DraftReplyAsync(context, cancellationToken);
        return outcome.FallbackReason is not { } reason ? offlineDraft
            : offlineDraft with { FallbackReason = reason, Signals = [new Signal("offline engine answered", 1, 0, reason), .. offlineDraft.Signals] };
    }

    /// <summary>A grounded draft from the model, or why the offline engine answers instead (no reason: nothing to answer).</summary>
    private sealed record Outcome(DraftReply? Draft, string? FallbackReason);

    private async Task<Outcome> TryModelAsync(AssistContext context, CancellationToken cancellationToken)
    {
        var question = ConversationText.PendingQuestion(context);
        // Nothing to answer: the offline engine says so without spending tokens.
        if (string.IsNullOrWhiteSpace(question)) return new Outcome(null, null);
        var workspace = context.WorkspaceId;
        var budget = options.BudgetFor(workspace);
        long used;
        try
        {
            used = await ledger.UsedAsync(workspace, context.Now, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Without the ledger the budget cannot be held: no spending on trust.
            _logger.LogWarning(e, "Token budget of workspace {Workspace} could not be read", workspace);
            return new Outcome(null, "the workspace's token budget could not be checked");
        }
        if (used >= budget)
            return new Outcome(null, TokenBudget.SpentReason(used, budget));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var redactor = options.RedactsFor(workspace) ? new PersonalDataRedactor() : PersonalDataRedactor.None;
        Answer answer;
        try
        {
            answer = await AskAsync(context, question, redactor, timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeout.IsCancellationRequested
                ? $"the language model did not answer within {options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s"
                : $"the language model endpoint could not be reached or failed ({e.GetBaseException().Message})";
            _logger.LogWarning(e, "Draft for workspace {Workspace} fell back to the offline engine: {Reason}", workspace, reason);
            return new Outcome(null, reason);
        }
        // Counted before grounding: a rejected draft still spent the tokens.
        await ledger.AddAsync(workspace, context.Now, answer.Tokens, cancellationToken);
        return Ground(context, redactor.Restore(answer.Text), answer.Tokens);
    }

    private sealed record Answer(string Text, long Tokens);

    private async Task<Answer> AskAsync(AssistContext context, string question, PersonalDataRedactor redactor, CancellationToken cancellationToken)
    {
        var grounding = await offline.SearchArticlesAsync(context.WorkspaceId, question, GroundingPassages, cancellationToken);
        var history = DraftPrompt.Build(context, question, grounding, redactor);
        var sent = history.Count;
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(new CrmKernelPlugin(context, offline, redactor), CrmKernelPlugin.Name);
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0.2, MaxTokens = 800 };
        var result = await chat.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
        // Tool rounds leave their completions in the history: each one's tokens count against the budget.
        var tokens = history.Skip(sent).Append(result).Sum(m => m.Metadata?.GetValueOrDefault("Usage") is ChatTokenUsage usage ? usage.TotalTokenCount : 0);
        return new Answer(result.Content ?? "", tokens);
    }

    /// <summary>Only an answer citing published articles of this workspace becomes a draft; anything else is the offline draft, with why.</summary>
    private Outcome Ground(AssistContext context, string answer, long tokens)
    {
        if (string.IsNullOrWhiteSpace(answer) || DraftPrompt.Declined(answer))
            return new Outcome(null, "the language model found no article that answers the question");
        var cited = DraftPrompt.CitedIds(answer);
        if (cited.Count == 0) return new Outcome(null, "the language model's draft cited no published article");
        var citations = new List<Citation>();
        foreach (var id in cited)
        {
            if (index.Find(context.WorkspaceId, id) is not { } article)
                return new Outcome(null, $"the language model cited article '{id}', which is not a published article of this workspace");
            citations.Add(new Citation(article.ArticleId, article.Slug, article.Title, article.Version));
        }
        var signals = new List<Signal>
        {
            new("drafted by the language model", 1, 1, options.Model),
            new("grounded in published articles", 1, 1, string.Join(", ", citations.Select(c => c.Title))),
            new("tokens used", tokens, 0, $"{tokens} tokens of this month's budget"),
        };
        return new Outcome(new DraftReply(DraftPrompt.Compose(context, answer, citations), citations, 1, signals, EngineName), null);
    }
}
