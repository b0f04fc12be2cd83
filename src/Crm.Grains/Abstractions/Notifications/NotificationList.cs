namespace Crm.Grains.Abstractions.Notifications;

/// <summary>An agent's latest notifications (newest first, at most <see cref="INotificationsGrain.Keep"/>) and how many are unread.</summary>
[GenerateSerializer, Immutable, Alias("crm.notifications.notification-list")]
public sealed record NotificationList(IReadOnlyList<NotificationDetails> Items, int Unread);
