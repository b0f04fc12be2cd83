using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.CannedResponses;

/// <summary>What a shortcut and a canned response may be, and how placeholders are filled in.</summary>
public static partial class CannedResponseRules
{
    public const int MaxResponses = 500;
    public const int MaxTitleLength = 100;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,31}\z")]
    private static partial Regex ShortcutPattern();

    public static string RequireShortcut(string? shortcut)
    {
        var normalized = shortcut?.Trim().TrimStart('/').ToLowerInvariant() ?? "";
        return ShortcutPattern().IsMatch(normalized)
            ? normalized
            : throw new DomainException(DomainErrorKind.Invalid, "A shortcut is 1–32 characters of a–z, 0–9, '-' or '_' (typed after '/').");
    }

    public static string RequireTitle(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxTitleLength
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"A canned response needs a title of 1–{MaxTitleLength} characters.");
    }

    /// <summary>The body as a message would be: the same limits, so an inserted response can always be sent.</summary>
    public static string RequireBody(string? body) => MessageLimits.RequireBody(body);

    public static string Fill(string body, string customerName, string agentName) =>
        body.Replace("{{customer.name}}", customerName, StringComparison.Ordinal)
            .Replace("{{agent.name}}", agentName, StringComparison.Ordinal);
}
