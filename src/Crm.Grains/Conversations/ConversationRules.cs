using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Blobs;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Conversations;

/// <summary>
/// The conversation's business rules as plain functions: which status changes are allowed, what a label may be,
/// what may be posted in which status. Checked before any event is raised.
/// </summary>
public static partial class ConversationRules
{
    public const int MaxLabels = 20;
    public const int MaxLabelLength = 40;
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(90);

    private static readonly Dictionary<ConversationStatus, ConversationStatus[]> Allowed = new()
    {
        [ConversationStatus.Open] = [ConversationStatus.Pending, ConversationStatus.Snoozed, ConversationStatus.Resolved, ConversationStatus.Closed],
        [ConversationStatus.Pending] = [ConversationStatus.Open, ConversationStatus.Snoozed, ConversationStatus.Resolved, ConversationStatus.Closed],
        [ConversationStatus.Snoozed] = [ConversationStatus.Open, ConversationStatus.Pending, ConversationStatus.Resolved, ConversationStatus.Closed],
        [ConversationStatus.Resolved] = [ConversationStatus.Open, ConversationStatus.Closed],
        // Closed is final: the record stays as it was; a customer who writes again starts a new conversation.
        [ConversationStatus.Closed] = [],
    };

    [GeneratedRegex(@"^[a-z0-9][a-z0-9 _-]*\z")]
    private static partial Regex LabelPattern();

    public static bool CanChange(ConversationStatus from, ConversationStatus to) => Allowed[from].Contains(to);

    /// <summary>Validates a status change at <paramref name="now"/>; returns false when it changes nothing.</summary>
    public static bool RequireTransition(ConversationStatus from, ConversationStatus to, DateTimeOffset? snoozeUntil, DateTimeOffset? currentSnooze, DateTimeOffset now)
    {
        if (!Enum.IsDefined(to))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown status {(int)to}.");
        if (to == ConversationStatus.Snoozed)
        {
            if (snoozeUntil is not { } until || until <= now)
                throw new DomainException(DomainErrorKind.Invalid, "Snoozing needs a time in the future to wake up at.");
            if (until - now > MaxSnooze)
                throw new DomainException(DomainErrorKind.Invalid, $"A conversation can be snoozed for at most {MaxSnooze.TotalDays:0} days.");
        }
        else if (snoozeUntil is not null)
        {
            throw new DomainException(DomainErrorKind.Invalid, "Only a snoozed conversation has a wake-up time.");
        }

        if (from == to) return to == ConversationStatus.Snoozed && snoozeUntil != currentSnooze;
        return CanChange(from, to)
            ? true
            : throw new DomainException(DomainErrorKind.Conflict, from == ConversationStatus.Closed
                ? "This conversation is closed and cannot change any more."
                : $"A {Name(from)} conversation cannot become {Name(to)}.");
    }

    /// <summary>Messages need a conversation that is not closed; internal notes and whispers come from agents only.</summary>
    public static void RequireCanPost(ConversationStatus status, AuthorKind author, MessageKind kind)
    {
        if (!Enum.IsDefined(kind) || kind == MessageKind.Activity)
            throw new DomainException(DomainErrorKind.Invalid, "Only messages and internal notes can be posted.");
        if (kind is MessageKind.Note or MessageKind.Whisper && author != AuthorKind.Agent)
            throw new DomainException(DomainErrorKind.Forbidden, "Only agents write internal notes.");
        if (kind == MessageKind.Message && status == ConversationStatus.Closed)
            throw new DomainException(DomainErrorKind.Conflict, "This conversation is closed. Please start a new one.");
    }

    /// <summary>A customer writing into a conversation that waits, sleeps or was resolved brings it back to the inbox.</summary>
    public static bool ReopensOnCustomerMessage(ConversationStatus status) =>
        status is ConversationStatus.Pending or ConversationStatus.Snoozed or ConversationStatus.Resolved;

    public static string NormalizeLabel(string? label)
    {
        var normalized = label?.Trim().ToLowerInvariant() ?? "";
        if (normalized.Length is 0 or > MaxLabelLength || !LabelPattern().IsMatch(normalized))
            throw new DomainException(DomainErrorKind.Invalid,
                $"A label is 1–{MaxLabelLength} characters of letters, digits, spaces, '-' or '_' (got '{label}').");
        return normalized;
    }

    public const int MaxAttachments = MessageLimits.MaxAttachments;

    /// <summary>
    /// Attachments were stored by this workspace's upload endpoint: their keys must sit under the workspace's own
    /// attachment prefix, so a message can never point at another workspace's file.
    /// </summary>
    public static IReadOnlyList<AttachmentDetails>? RequireAttachments(string workspaceId, IReadOnlyList<AttachmentDetails>? attachments)
    {
        if (attachments is not { Count: > 0 }) return null;
        if (attachments.Count > MaxAttachments)
            throw new DomainException(DomainErrorKind.Invalid, $"A message can carry at most {MaxAttachments} attachments.");
        var prefix = $"{BlobKeys.WorkspacePrefix(workspaceId)}{BlobKeys.AttachmentCategory}/";
        foreach (var attachment in attachments)
        {
            if (!BlobKeys.Validate(attachment.BlobKey).StartsWith(prefix, StringComparison.Ordinal))
                throw new DomainException(DomainErrorKind.Invalid, $"Attachment '{attachment.FileName}' was not uploaded to this workspace.");
        }
        return attachments.ToArray();
    }

    public static string Name(ConversationStatus status) => status.ToString().ToLowerInvariant();
}
