using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Ai;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// Follow-up drafts written by a language model around the offline planner: the model sees only the suggestion's own
/// facts (title, reason, signals, the offline draft), and a draft stating a number those facts do not hold is dropped
/// for the offline draft, as is a timeout, a failure or a spent budget — each with the reason shown.
/// </summary>
public sealed partial class FollowUpDrafter(
    ISalesAssistant offline, IChatCompletionService chat, AiOptions options, ITokenLedger ledger, ILogger<FollowUpDrafter>? logger = null) : ISalesAssistant
{
    /// <summary>Only the best few are rewritten: each is a model call against the workspace's budget.</summary>
    public const int Rewritten = 3;

    private const string Instructions = """
        You write short follow-up messages for a sales rep, who edits and sends them. Use only the facts given: never
        invent prices, dates, discounts or promises. Keep it under 80 words, friendly, one clear next step. Placeholders
        such as [EMAIL_1] stand for personal data: keep them as they are. If the facts are not enough, reply NO_ANSWER.
        """;

    private readonly ILogger _logger = logger ?? NullLogger<FollowUpDrafter>.Instance;

    public async Task<IReadOnlyList<FollowUpSuggestion>> SuggestFollowUpsAsync(FollowUpContext context, CancellationToken cancellationToken)
    {
        var suggestions = (await offline.SuggestFollowUpsAsync(context, cancellationToken)).ToList();
        for (var i = 0; i < Math.Min(Rewritten, suggestions.Count); i++)
            suggestions[i] = await RewriteAsync(context, suggestions[i], cancellationToken);
        return suggestions;
    }

    private async Task<FollowUpSuggestion> RewriteAsync(FollowUpContext context, FollowUpSuggestion suggestion, CancellationToken cancellationToken)
    {
        var budget = options.BudgetFor(context.WorkspaceId);
        long used;
        try
        {
            used = await ledger.UsedAsync(context.WorkspaceId, context.Now, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Token budget of workspace {Workspace} could not be read", context.WorkspaceId);
            return suggestion with { FallbackReason = "the workspace's token budget could not be checked" };
        }
        if (used >= budget)
            return suggestion with { FallbackReason = TokenBudget.SpentReason(used, budget) };
        var facts = $"{suggestion.Title}\n{suggestion.Reason}\n{string.Join("\n", suggestion.Signals.Select(s => $"{s.Name}: {s.Detail}"))}\nDraft to improve:\n{suggestion.Draft}";
        var redactor = options.RedactsFor(context.WorkspaceId) ? new PersonalDataRedactor() : PersonalDataRedactor.None;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        Microsoft.SemanticKernel.ChatMessageContent reply;
        try
        {
            var history = new ChatHistory(Instructions);
            history.AddUserMessage(redactor.Redact(facts));
            reply = await chat.GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings { Temperature = 0.3, MaxTokens = 300 }, null, timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeout.IsCancellationRequested
                ? $"the language model did not answer within {options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s"
                : $"the language model endpoint could not be reached or failed ({e.GetBaseException().Message})";
            _logger.LogWarning(e, "Follow-up draft for workspace {Workspace} fell back to the offline engine: {Reason}", context.WorkspaceId, reason);
            return suggestion with { FallbackReason = reason };
        }
        await ledger.AddAsync(context.WorkspaceId, context.Now, reply.Metadata?.GetValueOrDefault("Usage") is ChatTokenUsage usage ? usage.TotalTokenCount : 0, cancellationToken);
        var text = redactor.Restore(reply.Content ?? "").Trim();
        if (text.Length == 0 || text.StartsWith("NO_ANSWER", StringComparison.Ordinal))
            return suggestion with { FallbackReason = "the language model found the facts not enough for a draft" };
        if (Numbers().Matches(text).Select(m => m.Value).FirstOrDefault(n => !facts.Contains(n, StringComparison.Ordinal)) is { } invented)
            return suggestion with { FallbackReason = $"the language model's draft stated '{invented}', which is not in the deal or customer record" };
        return suggestion with
        {
            Draft = text,
            Engine = LanguageModelAssistant.EngineName,
            Signals = [.. suggestion.Signals, new Signal("drafted by the language model", 1, 0, options.Model)],
        };
    }

    [GeneratedRegex(@"\d[\d.,:/-]*\d|\d")]
    private static partial Regex Numbers();
}
