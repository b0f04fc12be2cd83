using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Conversations.Events;

namespace Crm.Grains.Mail;

/// <summary>Which thread entries are mailed, how an outbound email is named and threaded, what a mailer may report.</summary>
public static class OutboundEmailRules
{
    public const int MaxReasonLength = 1_000;
    public const int MaxProviderMessageIdLength = 500;

    /// <summary>A public message by an agent: customers' own messages, internal notes and activities are never mailed.</summary>
    public static bool IsMailedReply(MessagePosted posted) =>
        posted.Author.Kind == AuthorKind.Agent && posted.Kind == MessageKind.Message;

    /// <summary>
    /// Derived from (conversation, seq), not random: the same reply always gets the same id, so an outbox rebuilt or
    /// re-read can never mint a second id for it. "o" + 24 hex digits is a valid id (see Ids).
    /// </summary>
    public static string OutboundId(string conversationId, long seq) =>
        "o" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}#{seq}")))[..24];

    /// <summary>"Re: {subject} [#{conversationId}]": the token lets the mail gateway route the customer's answer back here.</summary>
    public static string ReplySubject(string subject, string conversationId)
    {
        var trimmed = subject.Trim();
        var token = $"[#{conversationId}]";
        var text = trimmed.Length == 0 ? "(no subject)" : trimmed;
        if (!text.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)) text = $"Re: {text}";
        return text.Contains(token, StringComparison.Ordinal) ? text : $"{text} {token}";
    }

    public static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainException(DomainErrorKind.Invalid, "reason is required: why the email could not be sent.");
        return trimmed.Length <= MaxReasonLength
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"reason can be at most {MaxReasonLength:N0} characters.");
    }

    public static string? OptionalProviderMessageId(string? providerMessageId)
    {
        var trimmed = providerMessageId?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= MaxProviderMessageIdLength
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"providerMessageId can be at most {MaxProviderMessageIdLength} characters.");
    }
}
