namespace Crm.Grains.Abstractions.Notifications;

/// <summary>
/// Adds a notification (sent by the notification projection). <see cref="Id"/> is derived from what caused it, and
/// <see cref="SourcePosition"/> is the causing event's global position (0 for a notification caused by time passing,
/// such as an SLA warning): a replay after a crash sends the same ones again, and the grain records each once.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.notifications.record-notification")]
public sealed record RecordNotification(
    string Id, NotificationKind Kind, string Title, string Body, string ConversationId, long SourcePosition);
