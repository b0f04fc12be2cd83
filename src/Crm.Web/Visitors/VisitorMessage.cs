using Crm.Grains.Abstractions.Conversations;

namespace Crm.Web.Visitors;

/// <summary>
/// A message as the visitor sees it: no internal ids of agents, and <see cref="Mine"/> instead of author kinds
/// (only the conversation's own customer can write as a customer in it, so every customer message is the visitor's);
/// <see cref="Automated"/> marks the answer bot's.
/// <see cref="PreviousSeq"/> is the visitor's previous message's number: the widget holding it has no gap, whatever
/// notes or activities took the numbers in between.
/// </summary>
public sealed record VisitorMessage(
    long Seq, Guid ClientMessageId, bool Mine, string AuthorName, string Body, DateTimeOffset PostedAt,
    IReadOnlyList<VisitorAttachment>? Attachments = null, long PreviousSeq = 0, bool Automated = false)
{
    public static VisitorMessage From(MessageDetails m) =>
        new(m.Seq, m.ClientMessageId, m.Author.Kind == AuthorKind.Customer, m.Author.DisplayName, m.Body, m.PostedAt,
            m.Attachments?.Select(a => VisitorAttachment.From(m.ConversationId, a)).ToList(), m.PreviousCustomerSeq,
            // The widget marks a bot's messages as automated, so no visitor takes them for a person's.
            m.Author.Kind == AuthorKind.Bot);
}
