using System.ComponentModel;
using System.Globalization;
using System.Text;
using Crm.Grains.Abstractions.Ai;
using Microsoft.SemanticKernel;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// What the model may read of the CRM while it drafts, for one conversation of one workspace: published articles
/// (each passage with the article id it must cite), the customer's profile and the thread. Everything it returns goes
/// through the request's redactor, and it can reach nothing outside the conversation it was made for.
/// </summary>
public sealed class CrmKernelPlugin(AssistContext context, ISupportAssistant offline, PersonalDataRedactor redactor)
{
    public const string Name = "crm";
    private const int Passages = 3;

    [KernelFunction("search_knowledge_base")]
    [Description("Searches the workspace's published help articles. Returns passages, each with the article id to cite as [source:ID]. Answer only from these passages.")]
    public async Task<string> SearchKnowledgeBaseAsync([Description("What the customer needs, in a few words")] string query, CancellationToken cancellationToken)
    {
        var matches = await offline.SearchArticlesAsync(context.WorkspaceId, redactor.Restore(query), Passages, cancellationToken);
        return redactor.Redact(FormatPassages(matches));
    }

    [KernelFunction("get_customer_profile")]
    [Description("The customer of this conversation: name, email, priority, SLA state and how often they contacted us lately.")]
    public string GetCustomerProfile()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Name: {context.CustomerName}")
            .AppendLine(CultureInfo.InvariantCulture, $"Email: {context.CustomerEmail ?? "unknown"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Priority: {context.Priority}")
            .AppendLine(CultureInfo.InvariantCulture, $"SLA: {(context.SlaBreached ? "breached" : context.SlaDueAt is { } due ? $"due {Stamp(due)}" : "none running")}")
            .AppendLine(CultureInfo.InvariantCulture, $"Other conversations in the last 7 days: {context.PriorConversations}");
        return redactor.Redact(text.ToString());
    }

    [KernelFunction("get_conversation_history")]
    [Description("The messages of this conversation, oldest first, each with who wrote it.")]
    public string GetConversationHistory() =>
        redactor.Redact(string.Join("\n", context.Messages.Select(m => $"{Stamp(m.At)} {m.Author} ({m.AuthorName}): {m.Text}")));

    /// <summary>ISO with its "T": a date and time written with spaces would read as a phone number to the redactor.</summary>
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same layout in the prompt's grounding and in the tool's answer, so the model learns one way to cite.</summary>
    public static string FormatPassages(IReadOnlyList<ArticleMatch> matches) =>
        matches.Count == 0
            ? "No published article matches."
            : string.Join("\n\n", matches.Select(m => $"[source:{m.ArticleId}] {m.Title}\n{m.Passage}"));
}
