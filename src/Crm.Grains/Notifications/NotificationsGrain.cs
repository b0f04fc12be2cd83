using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.Notifications.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Notifications;

/// <summary>
/// One agent's notifications, event-sourced in "{workspace}/notifications/{agent}" with snapshots (the stream grows for
/// as long as the agent works; the state never past <see cref="INotificationsGrain.Keep"/>). Every change goes to the
/// live feed after its commit, fire-and-forget: a console that misses one reloads the list when it catches up.
/// </summary>
public sealed class NotificationsGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<NotificationsState>(store, clock), INotificationsGrain
{
    private (string WorkspaceId, string AgentId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.Notifications(Key.WorkspaceId, Key.AgentId);

    protected override int SnapshotEvery => 100;

    public Task<NotificationList> ListAsync() => Task.FromResult(State.ToList());

    public async Task RecordAsync(RecordNotification command)
    {
        // A replay re-sends what it sent before the crash: the position says so for events, the id for SLA warnings.
        if (command.SourcePosition > 0 && command.SourcePosition <= State.LastSourcePosition || State.Has(command.Id)) return;
        await RaiseAsync("system:notifications",
            new NotificationRaised(command.Id, command.Kind, command.Title, command.Body, command.ConversationId, command.SourcePosition));
        Publish(State.Items[0], [], false);
    }

    public async Task<NotificationList> MarkReadAsync(MarkNotificationsRead command)
    {
        var ids = command.Ids ?? [];
        if (ids.Count > MarkNotificationsRead.MaxIds)
            throw new DomainException(DomainErrorKind.Invalid, $"Send at most {MarkNotificationsRead.MaxIds} ids at once.");
        if (!command.All && ids.Count == 0) throw new DomainException(DomainErrorKind.Invalid, "Send the ids to mark read, or all.");
        var unknown = ids.Where(id => !State.Has(id)).ToList();
        if (unknown.Count > 0)
            throw new DomainException(DomainErrorKind.NotFound, $"No such notification: {string.Join(", ", unknown.Take(5))}.");
        var unread = command.All ? [] : ids.Distinct().Where(id => State.Items.Exists(n => n.Id == id && !n.Read)).ToList();
        if (command.All ? State.Unread > 0 : unread.Count > 0)
        {
            await RaiseAsync(command.Actor, new NotificationsRead(unread, command.All));
            Publish(null, unread, command.All);
        }
        return State.ToList();
    }

    private void Publish(NotificationDetails? added, IReadOnlyList<string> readIds, bool allRead) =>
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync(
            [new NotificationFeedItem(Key.WorkspaceId, Key.AgentId, added, readIds, allRead, State.Unread)]);
}
