using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Notifications.Events;

/// <param name="SourcePosition">The causing event's global position; 0 when time passing caused it (an SLA warning).</param>
[GenerateSerializer, Alias("crm.notifications.notification-raised.v1")]
public sealed record NotificationRaised(
    string Id, NotificationKind Kind, string Title, string Body, string ConversationId, long SourcePosition) : DomainEvent;
