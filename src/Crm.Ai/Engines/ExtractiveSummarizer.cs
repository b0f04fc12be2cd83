using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Ai.Engines;

/// <summary>
/// A handover summary made only of sentences from the thread: what the customer asked (their first request and later
/// questions), what the team did (sentences in the past or present perfect), what is pending (promises, and a customer
/// message still unanswered). Nothing is paraphrased, so nothing can be made up.
/// </summary>
public static partial class ExtractiveSummarizer
{
    private const int PerSection = 3;

    private static readonly string[] DoneCues = ["i have", "i've", "we have", "we've", "has been", "have been", "i sent", "i refunded",
        "i updated", "i changed", "i cancelled", "i canceled", "i reset", "i created", "i issued", "i opened", "is now", "done"];

    private static readonly string[] PendingCues = ["i will", "i'll", "we will", "we'll", "will be", "waiting for", "as soon as", "once we", "pending"];

    private static readonly string[] RequestCues = ["?", "i want", "i need", "i'd like", "i would like", "can you", "could you", "please", "help"];

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    public static ConversationDigest Summarize(AssistContext context)
    {
        var customer = Sentences(context, AuthorKind.Customer).ToList();
        var team = Sentences(context, AuthorKind.Agent).ToList();
        var asked = customer.Take(1).Concat(customer.Skip(1).Where(s => Has(s, RequestCues))).Distinct().Take(PerSection).ToList();
        var done = team.Where(s => Has(s, DoneCues)).TakeLast(PerSection).ToList();
        var pending = team.Where(s => Has(s, PendingCues)).TakeLast(PerSection - 1).ToList();
        if (ConversationText.AwaitingReply(context))
            pending.Add($"Reply owed to: \"{context.Messages[^1].Text.Trim()}\"");
        return new ConversationDigest(context.CustomerName, asked, done, pending);
    }

    private static IEnumerable<string> Sentences(AssistContext context, AuthorKind author) =>
        context.Messages.Where(m => m.Author == author)
            .SelectMany(m => SentenceBreak().Split(m.Text))
            .Select(s => s.Trim())
            .Where(s => s.Length >= 8);

    private static bool Has(string sentence, string[] cues) => cues.Any(c => sentence.Contains(c, StringComparison.OrdinalIgnoreCase));
}
