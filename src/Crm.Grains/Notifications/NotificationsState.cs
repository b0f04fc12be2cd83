using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.EventSourcing;
using Crm.Grains.Notifications.Events;

namespace Crm.Grains.Notifications;

/// <summary>
/// An agent's notification centre folded from its stream: the newest <see cref="INotificationsGrain.Keep"/> entries
/// (older ones drop off, so the state and its snapshot stay bounded however long the stream grows) and the last
/// source position recorded, which makes a projection's replay after a crash a no-op.
/// </summary>
[GenerateSerializer, Alias("crm.notifications.notifications-state")]
public sealed class NotificationsState : IEventSourcedState
{
    [Id(0)] public List<NotificationDetails> Items { get; private set; } = [];
    [Id(1)] public long LastSourcePosition { get; private set; }

    public int Unread => Items.Count(n => !n.Read);

    public bool Has(string id) => Items.Exists(n => n.Id == id);

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case NotificationRaised e:
                Items.Insert(0, new NotificationDetails(e.Id, e.Kind, e.Title, e.Body, e.ConversationId, e.At));
                if (Items.Count > INotificationsGrain.Keep) Items.RemoveRange(INotificationsGrain.Keep, Items.Count - INotificationsGrain.Keep);
                LastSourcePosition = Math.Max(LastSourcePosition, e.SourcePosition);
                break;
            case NotificationsRead e:
                for (var i = 0; i < Items.Count; i++)
                    if (!Items[i].Read && (e.All || e.Ids.Contains(Items[i].Id))) Items[i] = Items[i] with { Read = true };
                break;
        }
    }

    public NotificationList ToList() => new(Items.ToList(), Unread);
}
