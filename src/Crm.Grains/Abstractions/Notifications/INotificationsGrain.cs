using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.Notifications;

/// <summary>
/// One agent's notification centre (key: GrainKeys.Scoped(workspace, agent id)), the fold of the stream
/// "{workspace}/notifications/{agent}": the latest <see cref="Keep"/> notifications and the unread count. Each change is
/// published on the live feed to that agent's consoles after its commit.
/// </summary>
public interface INotificationsGrain : IGrainWithStringKey
{
    /// <summary>How many notifications an agent keeps; older ones drop off.</summary>
    public const int Keep = 200;

    /// <summary>The latest notifications, newest first, and the unread count.</summary>
    [ReadOnly]
    Task<NotificationList> ListAsync();

    /// <summary>Records a notification once: one already recorded (same id, or a source position not after the last) is ignored.</summary>
    Task RecordAsync(RecordNotification command);

    /// <summary>Marks notifications read; an id the agent does not have is refused (NotFound) and nothing is stored.</summary>
    Task<NotificationList> MarkReadAsync(MarkNotificationsRead command);
}
