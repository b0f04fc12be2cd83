using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Grains.Conversations;

/// <summary>
/// Compares a conversation's row with the one announced before it, so a message does not cost a push of the whole row
/// to every viewer and visitor (most messages change nothing but the thread's own columns).
/// </summary>
public static class SummaryChanges
{
    public static ConversationFeedItem FeedItem(ConversationSummary? before, ConversationSummary after) =>
        before is null
            ? new ConversationFeedItem(after)
            : new ConversationFeedItem(after, DetailsChanged(before, after), VisitorStateChanged(before, after));

    /// <summary>Anything besides the columns every message moves (last message, activity, waiting, unread, version).</summary>
    public static bool DetailsChanged(ConversationSummary before, ConversationSummary after)
    {
        var threadOnly = before with
        {
            LastSeq = after.LastSeq,
            LastMessagePreview = after.LastMessagePreview,
            LastAuthorKind = after.LastAuthorKind,
            LastActivityAt = after.LastActivityAt,
            Version = after.Version,
            WaitingSince = after.WaitingSince,
            Unread = after.Unread,
            Labels = after.Labels,
        };
        // Labels compare by content: each fold may hand out a new list with the same labels.
        return threadOnly != after || !(before.Labels ?? []).SequenceEqual(after.Labels ?? []);
    }

    public static bool VisitorStateChanged(ConversationSummary before, ConversationSummary after) =>
        before.Status != after.Status || before.ReadUpTo != after.ReadUpTo || before.CsatScore != after.CsatScore;
}
