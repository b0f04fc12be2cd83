namespace Crm.Grains.Notifications;

/// <summary>
/// The notification projection as saved: the conversations it tracks (at most
/// <see cref="NotificationRules.MaxTracked"/>) and the SLA due instants it already warned about (pruned once past).
/// </summary>
[GenerateSerializer, Alias("crm.notifications.projection-snapshot")]
public sealed record NotificationProjectionSnapshot(
    [property: Id(0)] Dictionary<string, TrackedConversation> Conversations,
    [property: Id(1)] Dictionary<string, DateTimeOffset> SlaWarned);
