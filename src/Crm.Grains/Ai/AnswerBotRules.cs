using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Ai;

/// <summary>
/// When the widget's answer bot may speak, and when it must hand over to a person. Plain rules over the thread, so they
/// test without a cluster.
/// </summary>
public static class AnswerBotRules
{
    public const string HandedOverLabel = "bot-handed-over";

    /// <summary>
    /// The top article's hybrid score below which the bot hands over instead of answering. From ai-eval's bot lines
    /// (quick run, 110 questions): at 0.55 it would answer 89 % of questions and give the right article for 89 % of
    /// those; at 0.60, 80 % and 93 %; at 0.65, 70 % and 99 %. A bot speaking without a person should rather hand over
    /// than mislead, so 0.60: one wrong article in about fourteen, and a person for the rest.
    /// </summary>
    public const double MinConfidence = 0.60;

    /// <summary>A second reply saying the bot's answer did not help hands over.</summary>
    public const int MaxUnhelpful = 2;

    private static readonly string[] HumanCues =
    [
        "human", "a person", "real person", "an agent", "someone", "somebody", "representative", "operator", "talk to", "speak to",
        "speak with", "talk with", "support team", "live agent", "staff",
    ];

    private static readonly string[] UnhelpfulCues =
    [
        "didn't help", "did not help", "doesn't help", "does not help", "not helpful", "useless", "not what i", "that's not",
        "that is not", "still", "doesn't work", "does not work", "didn't work", "did not work", "wrong", "no,", "nope",
    ];

    public static bool AsksForHuman(string text) => HumanCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));

    public static bool SaysUnhelpful(string text) =>
        UnhelpfulCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)) || text.Trim().Equals("no", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the bot keeps quiet (null: it has the turn): a person replied, it handed over, or nothing is pending.</summary>
    public static string? SilentBecause(ConversationDetails details, IReadOnlyList<MessageDetails> thread)
    {
        if (details.Channel != Channel.Chat) return "not a widget chat";
        if (details.Status is ConversationStatus.Resolved or ConversationStatus.Closed) return "the conversation is closed";
        if (details.Labels?.Contains(HandedOverLabel) == true) return "handed over to a person already";
        var messages = thread.Where(m => m.IsVisibleToCustomer).ToList();
        if (messages.Any(m => m.Author.Kind == AuthorKind.Agent)) return "a person replied";
        return messages.LastOrDefault()?.Author.Kind == AuthorKind.Customer ? null : "no visitor message waits for an answer";
    }

    /// <summary>The visitor's messages since the bot last spoke, joined: what it answers.</summary>
    public static string Pending(IReadOnlyList<MessageDetails> thread) =>
        string.Join("\n", thread.Where(m => m.IsVisibleToCustomer).Reverse().TakeWhile(m => m.Author.Kind == AuthorKind.Customer).Reverse().Select(m => m.Body));

    /// <summary>How many of the bot's answers the visitor said did not help, counting the pending messages.</summary>
    public static int Unhelpful(IReadOnlyList<MessageDetails> thread)
    {
        var count = 0;
        var afterBot = false;
        foreach (var m in thread.Where(m => m.IsVisibleToCustomer))
        {
            if (m.Author.Kind == AuthorKind.Bot) afterBot = true;
            else if (m.Author.Kind == AuthorKind.Customer && afterBot)
            {
                if (SaysUnhelpful(m.Body)) count++;
                afterBot = false;
            }
        }
        return count;
    }
}
