using Crm.Grains.EventSourcing;

namespace Crm.Grains.Notifications.Events;

/// <summary>The agent read these notifications, or every one they had when <see cref="All"/> is set.</summary>
[GenerateSerializer, Alias("crm.notifications.notifications-read.v1")]
public sealed record NotificationsRead(IReadOnlyList<string> Ids, bool All) : DomainEvent;
