using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;

namespace Crm.Grains.Audit;

/// <summary>Conversation events in words. Message bodies, subjects and rating comments are customers' words: lengths only.</summary>
internal static class ConversationAudit
{
    public const string Status = "status";
    public const string Priority = "priority";
    public const string Assignee = "assignee";
    public const string Labels = "labels";

    public static AuditDescription Opened(ConversationOpened e) => AuditDescription.Of(
        "opened conversation",
        $"{AuditText.Enum(e.Channel)}, subject {AuditText.Chars(e.Subject)}",
        new FieldValue(Status, AuditText.Enum(ConversationStatus.Open)),
        new FieldValue(Priority, AuditText.Enum(Abstractions.Conversations.Priority.Normal)),
        new FieldValue("customer", AuditText.Named(e.CustomerName, e.CustomerId)),
        new FieldValue("channel", AuditText.Enum(e.Channel)),
        new FieldValue("queue", e.QueueId));

    public static AuditDescription MessagePosted(MessagePosted e)
    {
        var attachments = e.Attachments is { Count: > 0 } a ? $", {a.Count} attachments" : "";
        var mentions = e.Mentions is { Count: > 0 } m ? $", {m.Count} mentions" : "";
        var what = e.Kind switch
        {
            MessageKind.Note => "posted note",
            MessageKind.Activity => "posted activity",
            MessageKind.Whisper => "posted whisper",
            _ => "posted message",
        };
        return AuditDescription.Of(what, $"seq {e.Seq}, {AuditText.Chars(e.Body)}{attachments}{mentions}");
    }

    public static AuditDescription StatusChanged(ConversationStatusChanged e) => AuditDescription.Of(
        "changed status",
        null,
        new FieldValue(Status, AuditText.Enum(e.To), AuditText.Enum(e.From)),
        new FieldValue("snoozed until", e.SnoozedUntil is { } until ? AuditText.Instant(until) : null));

    public static AuditDescription Assigned(ConversationAssigned e) => AuditDescription.Of(
        e.AgentId is null ? "unassigned conversation" : "assigned conversation",
        null,
        new FieldValue(Assignee, e.AgentId is null ? null : AuditText.Named(e.AgentName, e.AgentId)));

    public static AuditDescription PriorityChanged(ConversationPriorityChanged e) =>
        AuditDescription.Of("changed priority", null, new FieldValue(Priority, AuditText.Enum(e.Priority)));

    public static AuditDescription LabelsChanged(ConversationLabelsChanged e, AuditFields fields)
    {
        var labels = new SortedSet<string>(
            fields[Labels]?.Split(", ", StringSplitOptions.RemoveEmptyEntries) ?? [], StringComparer.Ordinal);
        labels.UnionWith(e.Added);
        labels.ExceptWith(e.Removed);
        var detail = string.Join(", ", e.Added.Select(l => $"+{l}").Concat(e.Removed.Select(l => $"-{l}")));
        return AuditDescription.Of("changed labels", detail, new FieldValue(Labels, labels.Count == 0 ? null : string.Join(", ", labels)));
    }

    public static AuditDescription Rated(ConversationRated e) => AuditDescription.Of(
        "rated conversation",
        e.Comment is { Length: > 0 } comment ? $"comment {AuditText.Chars(comment)}" : null,
        new FieldValue("rating", $"{e.Score}"));

    public static AuditDescription Read(ConversationRead e) => AuditDescription.Of("read thread", $"up to seq {e.UpToSeq}");

    public static AuditDescription SlaBreached(ConversationSlaBreached e) =>
        AuditDescription.Of("SLA target breached", $"{AuditText.Enum(e.Metric)} was due {AuditText.Instant(e.Due)}");
}
