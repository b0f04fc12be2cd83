using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.Engines;

/// <summary>
/// Composes a reply from the best-matching passages and the customer's context, citing every article it quotes. It
/// quotes, it does not invent: without a confident match the draft is empty and says so in its signals.
/// </summary>
public static class DraftComposer
{
    /// <summary>A second article is quoted too when it scores this close to the first (the question spans two topics).</summary>
    private const double SecondArticleMargin = 0.04;

    public const string EngineName = "offline";

    public static DraftReply Compose(AssistContext context, IReadOnlyList<ArticleMatch> matches, string? fallbackReason = null)
    {
        if (matches.Count == 0)
            return new DraftReply("", [], 0, [new Signal("no published article matched confidently", 0, 1)], EngineName, fallbackReason);
        var used = matches.Take(2).Where((m, i) => i == 0 || matches[0].Score - m.Score <= SecondArticleMargin).ToList();
        var greeting = FirstName(context.CustomerName) is { Length: > 0 } name ? $"Hi {name}," : "Hi,";
        var body = string.Join("\n\n", used.Select(m => m.Passage));
        var citations = used.Select(m => new Citation(m.ArticleId, m.Slug, m.Title, m.Version)).ToList();
        var links = Links(context.WorkspaceId, citations);
        var text = $"{greeting}\n\n{body}\n\nMore details:\n{links}\n\n{SignOff(context)}";
        return new DraftReply(text, citations, matches[0].Score, matches[0].Signals, EngineName, fallbackReason);
    }

    /// <summary>The help-center link of every cited article, one a line: how any draft lists its sources.</summary>
    public static string Links(string workspaceId, IEnumerable<Citation> citations) =>
        string.Join("\n", citations.Select(c => $"- {c.Title} (/help/{workspaceId}/articles/{c.Slug})"));

    public static string SignOff(AssistContext context) => context.AgentName is { Length: > 0 } agent ? $"Best regards,\n{agent}" : "Best regards";

    private static string FirstName(string name) => name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
