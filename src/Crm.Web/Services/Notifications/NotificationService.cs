using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Notifications;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;

namespace Crm.Web.Services.Notifications;

/// <summary>
/// The signed-in agent's own stored notifications (never anyone else's: the grain key is built from the caller), and
/// the live feed's changes to them for their consoles.
/// </summary>
public sealed class NotificationService(IGrainFactory grains, LiveFeedRelay feed)
{
    public Task<NotificationList> ListAsync(WorkspaceUser user) => Grain(user).ListAsync();

    public Task<NotificationList> MarkReadAsync(WorkspaceUser user, IReadOnlyList<string> ids, bool all) =>
        Grain(user).MarkReadAsync(new MarkNotificationsRead(ids, all, user.Actor));

    /// <summary>
    /// The user's notification changes as they are committed; <paramref name="catchUp"/> when the subscriber fell too
    /// far behind the feed (the caller reloads the list). Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(WorkspaceUser user, Func<NotificationFeedItem, Task> onChange, Func<Task> catchUp) =>
        feed.Subscribe(user.WorkspaceId,
            item => item is NotificationFeedItem n && n.AgentId == user.AgentId ? onChange(n) : Task.CompletedTask,
            catchUp);

    private INotificationsGrain Grain(WorkspaceUser user) =>
        grains.GetGrain<INotificationsGrain>(GrainKeys.Scoped(user.WorkspaceId, user.AgentId));
}
