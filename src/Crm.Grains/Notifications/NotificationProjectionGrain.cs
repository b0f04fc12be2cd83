using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Notifications;

/// <summary>
/// Turns a workspace's conversation and routing events into each agent's notifications ("notifications/{workspace}"),
/// on the shared projection runner: snapshot plus tail, woken by commits. Each notification is recorded by the agent's
/// <see cref="INotificationsGrain"/> before the checkpoint moves past its event, and that grain ignores a repeat, so a
/// crash between the two loses nothing and announces nothing twice.
/// <para>
/// "About to breach" is time passing, not an event: a timer reads the inbox (which already folds every conversation's
/// SLA against the workspace policy) for open conversations due within <see cref="NotificationRules.SlaWarning"/>
/// and warns each assignee once per due instant.
/// </para>
/// </summary>
public sealed class NotificationProjectionGrain(
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<NotificationProjectionGrain> logger)
    : ProjectionGrain<NotificationProjectionSnapshot>, INotificationProjectionGrain
{
    private static readonly TimeSpan SlaCheckPeriod = TimeSpan.FromSeconds(10);

    private Dictionary<string, TrackedConversation> _conversations = [];
    private Dictionary<string, DateTimeOffset> _slaWarned = [];

    protected override string Kind => ProjectionKinds.Notifications;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter =>
        new([StreamIds.ConversationCategory, StreamIds.RoutingCategory], NotificationRules.EventTypes, WorkspaceId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        this.RegisterGrainTimer(_ => WarnSlaDueSoonAsync(), new GrainTimerCreationOptions(SlaCheckPeriod, SlaCheckPeriod) { KeepAlive = false });
    }

    protected override NotificationProjectionSnapshot TakeSnapshot() => new(new(_conversations), new(_slaWarned));

    protected override void Restore(NotificationProjectionSnapshot snapshot) =>
        (_conversations, _slaWarned) = (snapshot.Conversations, snapshot.SlaWarned);

    protected override async Task ApplyAsync(StoredEvent stored)
    {
        var conversationId = StreamIds.Parse(stored.StreamId)!.Value.Id;
        var notes = NotificationRules.Apply(_conversations, conversationId, EventSerializer.Deserialize(stored), stored.Position);
        // Awaited, in order: the checkpoint moves past this event only once every agent's notification is committed.
        await Task.WhenAll(notes.Select(RecordAsync));
    }

    private async Task WarnSlaDueSoonAsync()
    {
        var now = clock.GetUtcNow();
        try
        {
            var rows = await GrainFactory.GetGrain<IInboxGrain>(WorkspaceId)
                .ListAsync(new InboxQuery(ConversationStatus.Open, 500, Sort: InboxSort.SlaDue));
            foreach (var row in rows)
            {
                if (row is not { AssigneeId: not null, SlaBreached: false, SlaDueAt: { } due } || due - now > NotificationRules.SlaWarning
                    || _slaWarned.TryGetValue(row.ConversationId, out var warned) && warned == due) continue;
                await RecordAsync(NotificationRules.SlaWarningFor(row, now));
                _slaWarned[row.ConversationId] = due;
            }
            // Bounded: a due instant well past is never warned about again.
            foreach (var stale in _slaWarned.Where(w => w.Value < now - TimeSpan.FromHours(1)).Select(w => w.Key).ToList()) _slaWarned.Remove(stale);
        }
        catch (Exception ex)
        {
            // The next tick tries again; a warning already recorded is ignored by the agent's grain.
            logger.LogWarning(ex, "Checking SLAs due soon in workspace {WorkspaceId} failed", WorkspaceId);
        }
    }

    private Task RecordAsync(AgentNotification note) =>
        Ids.IsValid(note.AgentId)
            ? GrainFactory.GetGrain<INotificationsGrain>(GrainKeys.Scoped(WorkspaceId, note.AgentId)).RecordAsync(note.Notification)
            // A mention of a name that is no agent id: nobody to tell, and no reason to stop the projection.
            : Task.CompletedTask;
}
