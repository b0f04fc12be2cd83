using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;

namespace Crm.Grains.Mail;

/// <summary>What the outbox needs to know of an email conversation to address a reply. Channel and subject never change.</summary>
public sealed record MailThread(string CustomerId, string CustomerName, string Subject)
{
    /// <summary>The thread of an email conversation; null for any other channel (its replies are not mailed).</summary>
    public static MailThread? From(Channel channel, string customerId, string customerName, string subject) =>
        channel == Channel.Email ? new MailThread(customerId, customerName, subject) : null;

    public static MailThread? From(ConversationOpened opened) =>
        From(opened.Channel, opened.CustomerId, opened.CustomerName, opened.Subject);

    public static MailThread? From(ConversationDetails details) =>
        From(details.Channel, details.CustomerId, details.CustomerName, details.Subject);
}
