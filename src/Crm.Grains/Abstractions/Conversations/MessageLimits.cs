using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Message rules checked at the edge and again in the grain (the grain is the authority).</summary>
public static class MessageLimits
{
    /// <summary>The longest message body, in characters (a long email fits; a pasted log file does not).</summary>
    public const int MaxBodyLength = 10_000;

    public const int MaxSubjectLength = 200;

    public const int PreviewLength = 120;

    /// <summary>The most files one message carries.</summary>
    public const int MaxAttachments = 10;

    public static string RequireBody(string? body)
    {
        var trimmed = body?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainException(DomainErrorKind.Invalid, "A message cannot be empty.");
        if (trimmed.Length > MaxBodyLength)
            throw new DomainException(DomainErrorKind.Invalid,
                $"A message can be at most {MaxBodyLength:N0} characters; this one has {trimmed.Length:N0}.");
        return trimmed;
    }

    /// <summary>A message that carries attachments may have no text; one without must have some.</summary>
    public static string RequireBody(string? body, bool hasAttachments) =>
        hasAttachments && string.IsNullOrWhiteSpace(body) ? "" : RequireBody(body);

    public static string RequireSubject(string? subject)
    {
        var trimmed = subject?.Trim() ?? "";
        return trimmed.Length <= MaxSubjectLength
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"A subject can be at most {MaxSubjectLength} characters.");
    }

    public static string Preview(string body) =>
        body.Length <= PreviewLength ? body : string.Concat(body.AsSpan(0, PreviewLength - 1), "…");
}
