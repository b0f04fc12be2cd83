using System.Text.RegularExpressions;
using Crm.Ai.Engines;
using Crm.Grains.Abstractions.Ai;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Crm.Ai.LanguageModel;

/// <summary>
/// The instructions and question sent for a draft, and how citations are read back out of the answer: the model marks
/// every statement's source as [source:ARTICLE_ID], and the markers become the draft's citations.
/// </summary>
public static partial class DraftPrompt
{
    public const string Instructions = """
        You draft replies for a customer-support agent, who edits and sends them. Answer the customer's latest question
        using only the published help-article passages you are given or find with crm-search_knowledge_base; you may read
        the customer's profile and the conversation with the other crm tools. After each statement taken from a passage,
        write its source as [source:ARTICLE_ID] with the id exactly as given. Never invent policies, numbers or article ids.
        If no passage answers the question, reply with exactly: NO_ANSWER. Write the reply only: a greeting with the
        customer's first name, the answer, no sign-off. Placeholders such as [EMAIL_1] stand for personal data: keep them as they are.
        """;

    public static ChatHistory Build(AssistContext context, string question, IReadOnlyList<ArticleMatch> grounding, PersonalDataRedactor redactor)
    {
        var history = new ChatHistory(Instructions);
        history.AddUserMessage(redactor.Redact($"""
            Customer: {context.CustomerName}
            Their latest message:
            {question}

            Passages from the workspace's published articles:
            {CrmKernelPlugin.FormatPassages(grounding)}
            """));
        return history;
    }

    /// <summary>The article ids the answer cites, in order of first mention.</summary>
    public static IReadOnlyList<string> CitedIds(string answer) =>
        SourceMarker().Matches(answer).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The answer without its markers, followed by the links of the cited articles (as the offline draft lists them).</summary>
    public static string Compose(AssistContext context, string answer, IReadOnlyList<Citation> citations)
    {
        var body = ExtraSpace().Replace(SourceMarker().Replace(answer, ""), "$1").Trim();
        return $"{body}\n\nMore details:\n{DraftComposer.Links(context.WorkspaceId, citations)}\n\n{DraftComposer.SignOff(context)}";
    }

    public static bool Declined(string answer) => answer.Trim().StartsWith("NO_ANSWER", StringComparison.Ordinal);

    [GeneratedRegex(@"\s*\[source:\s*([^\]\s]+)\s*\]")]
    private static partial Regex SourceMarker();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex ExtraSpace();
}
