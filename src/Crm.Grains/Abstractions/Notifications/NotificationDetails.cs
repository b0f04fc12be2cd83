namespace Crm.Grains.Abstractions.Notifications;

/// <summary>One entry of an agent's notification centre: what happened, where it leads, whether it was read.</summary>
[GenerateSerializer, Immutable, Alias("crm.notifications.notification-details")]
public sealed record NotificationDetails(
    string Id, NotificationKind Kind, string Title, string Body, string ConversationId, DateTimeOffset At, bool Read = false);
