using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Ai.Retrieval;

/// <summary>A published article with its embedded passages, as the index keeps it.</summary>
public sealed record IndexedArticle(PublishedArticle Article, IReadOnlyList<Passage> Passages)
{
    /// <summary>A lead shorter than this promises what the next passage does and is not quoted alone.</summary>
    private const int ShortLeadWords = 24;

    /// <summary>
    /// What a draft quotes for <paramref name="matched"/>: the passage itself, except a short lead (the text before any
    /// heading, "you can set a new one yourself in a minute"), which comes with the passage after it (the steps): quoted
    /// alone it tells the customer nothing. Matching stays per passage, so retrieval is unchanged.
    /// </summary>
    public string Quote(Passage matched)
    {
        var isShortLead = matched is { Index: 1, Heading: "" }
            && matched.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < ShortLeadWords;
        return isShortLead && Passages.Count > 2 ? $"{matched.Text}\n\n{Passages[2].Text}" : matched.Text;
    }
}
