using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Ai.Engines;

/// <summary>Which parts of a thread the engines read.</summary>
public static class ConversationText
{
    /// <summary>What the customer wrote since the team last spoke (the question to answer now), or their last message.</summary>
    public static string PendingQuestion(AssistContext context)
    {
        var pending = context.Messages.Reverse().TakeWhile(m => m.Author != AuthorKind.Agent && m.Author != AuthorKind.Bot)
            .Where(m => m.Author == AuthorKind.Customer).Reverse().Select(m => m.Text).ToList();
        if (pending.Count > 0) return string.Join("\n", pending);
        return context.Messages.LastOrDefault(m => m.Author == AuthorKind.Customer)?.Text ?? "";
    }

    public static IEnumerable<string> CustomerTexts(AssistContext context) =>
        context.Messages.Where(m => m.Author == AuthorKind.Customer).Select(m => m.Text);

    /// <summary>The customer spoke last: a reply is owed.</summary>
    public static bool AwaitingReply(AssistContext context) => context.Messages.LastOrDefault()?.Author == AuthorKind.Customer;
}
