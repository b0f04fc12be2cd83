using Crm.Grains.Abstractions.Conversations;

namespace Crm.Web.Visitors;

/// <summary>
/// A message as the visitor sees it: no internal ids of agents, and <see cref="Mine"/> instead of author kinds
/// (only the conversation's own customer can write as a customer in it, so every customer message is the visitor's).
/// </summary>
public sealed record VisitorMessage(
    long Seq, Guid ClientMessageId, bool Mine, string AuthorName, string Body, DateTimeOffset PostedAt,
    IReadOnlyList<VisitorAttachment>? Attachments = null)
{
    /// <summary>Visitors see messages only: never internal notes, nor the team's activity entries.</summary>
    public static bool IsVisible(MessageDetails m) => m.Kind == MessageKind.Message;

    public static VisitorMessage From(MessageDetails m) =>
        new(m.Seq, m.ClientMessageId, m.Author.Kind == AuthorKind.Customer, m.Author.DisplayName, m.Body, m.PostedAt,
            m.Attachments?.Select(a => VisitorAttachment.From(m.ConversationId, a)).ToList());
}
