using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>A conversation's new inbox row, with what changed since the last one its grain announced.</summary>
/// <param name="DetailsChanged">
/// Something besides the thread moved on (status, assignee, priority, labels, SLA, rating, read mark). A new message
/// alone leaves it false: whoever shows the conversation already gets the message itself, so the row is only pushed
/// to inbox lists, not again to the conversation's viewers.
/// </param>
/// <param name="VisitorStateChanged">What the widget shows about the conversation (status, read mark, rating) changed.</param>
[GenerateSerializer, Immutable, Alias("crm.live-feed.conversation")]
public sealed record ConversationFeedItem(ConversationSummary Summary, bool DetailsChanged = true, bool VisitorStateChanged = true) : LiveFeedItem
{
    public override string WorkspaceId => Summary.WorkspaceId;
}
