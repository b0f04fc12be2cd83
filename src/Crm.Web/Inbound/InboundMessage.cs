using System.Net.Mail;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Inbound;

/// <summary>An inbound message whose shape is valid: every rule that needs no state is checked before anything is written.</summary>
public sealed record InboundMessage(
    Channel Channel, string MessageId, string Email, string? Name, string Subject, string Text, string? ConversationId)
{
    public const int MaxMessageIdLength = 500;
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 200;

    /// <summary>Validates the request; the first problem is refused as Invalid (a 400) with a message naming the field.</summary>
    public static InboundMessage From(InboundMessageRequest? request)
    {
        if (request is null)
            throw Invalid("The request body must be a JSON object with channel, messageId, from.email and text.");
        var channel = request.Channel?.Trim().ToLowerInvariant() switch
        {
            "email" => Channel.Email,
            "web-form" => Channel.WebForm,
            null or "" => throw Invalid("channel is required: \"email\" or \"web-form\"."),
            _ => throw Invalid("channel must be \"email\" or \"web-form\"."),
        };
        var messageId = request.MessageId?.Trim() ?? "";
        if (messageId.Length == 0)
            throw Invalid("messageId is required: the email's Message-ID or the form submission id, the same on every retry.");
        if (messageId.Length > MaxMessageIdLength)
            throw Invalid($"messageId can be at most {MaxMessageIdLength} characters.");
        var email = RequireEmail(request.From?.Email);
        var name = request.From?.Name?.Trim();
        if (name?.Length > MaxNameLength)
            throw Invalid($"from.name can be at most {MaxNameLength} characters.");
        var subject = request.Subject?.Trim() ?? "";
        if (subject.Length > MessageLimits.MaxSubjectLength)
            throw Invalid($"subject can be at most {MessageLimits.MaxSubjectLength} characters.");
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
            throw Invalid("text is required: the message's plain text.");
        if (text.Length > MessageLimits.MaxBodyLength)
            throw Invalid($"text can be at most {MessageLimits.MaxBodyLength:N0} characters; this one has {text.Length:N0}.");
        var conversationId = request.ConversationId?.Trim();
        return new InboundMessage(channel, messageId, email, string.IsNullOrEmpty(name) ? null : name, subject, text,
            string.IsNullOrEmpty(conversationId) ? null : conversationId);
    }

    /// <summary>A bare address (no display name), lowercased: the customer's identity is derived from it.</summary>
    private static string RequireEmail(string? value)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
            throw Invalid("from.email is required: the sender's email address.");
        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var address) || address.Address != email
            || address.DisplayName.Length > 0 || !address.Host.Contains('.'))
            throw Invalid("from.email is not a valid email address (expected name@example.com).");
        return email.ToLowerInvariant();
    }

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
