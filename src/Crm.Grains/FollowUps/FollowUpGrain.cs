using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.FollowUps.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.FollowUps;

/// <summary>
/// A follow-up with a durable reminder, armed like a conversation's SLA timer: an Orleans reminder stored in the
/// reminder table, so it fires after a restart too. Firing checks the domain clock and the fold (reminded once), so
/// an early, repeated or late firing never delivers twice; delivery is the live feed's, to the owner's consoles.
/// </summary>
public sealed class FollowUpGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<FollowUpState>(store, clock), IFollowUpGrain, IRemindable
{
    private const string Reminder = "remind";

    // Orleans refuses a reminder due later than about 49.7 days; a longer wait fires early and re-arms.
    private static readonly TimeSpan MaxReminderWait = TimeSpan.FromDays(30);

    private (string WorkspaceId, string FollowUpId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.FollowUpCategory, Key.WorkspaceId, Key.FollowUpId);

    public async Task<FollowUpDetails> ScheduleAsync(ScheduleFollowUp command)
    {
        var title = command.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200) throw Invalid("A follow-up needs a title of 1–200 characters.");
        var remindAt = command.RemindAt ?? command.DueAt;
        if (remindAt > command.DueAt) throw Invalid("The reminder cannot come after the due time.");
        var scheduled = new FollowUpScheduled(title, command.DueAt, remindAt, Ids.Require(command.OwnerId, "owner"),
            Optional(command.CustomerId, "customer"), Optional(command.DealId, "deal"), Optional(command.CompanyId, "company"));
        if (State.Scheduled is { } existing)
            return existing with { At = default, By = "" } == scheduled
                ? Details()
                : throw new DomainException(DomainErrorKind.Conflict, "A follow-up with this id already exists.");
        await RaiseAsync(command.Actor, scheduled);
        await SyncReminderAsync();
        return Details();
    }

    public async Task<FollowUpDetails> CompleteAsync(CompleteFollowUp command)
    {
        RequireScheduled();
        if (command.AsOwner is not null && command.AsOwner != State.Scheduled!.OwnerId)
            throw new DomainException(DomainErrorKind.Forbidden, "This follow-up belongs to someone else.");
        if (State.Completed is null)
        {
            await RaiseAsync(command.Actor, new FollowUpCompleted());
            await SyncReminderAsync();
        }
        return Details();
    }

    public async Task<FollowUpDetails> RelinkAsync(RelinkFollowUp command)
    {
        RequireScheduled();
        if (State.CustomerId == command.OldCustomerId)
            await RaiseAsync(command.Actor, new FollowUpRelinked(command.OldCustomerId, Ids.Require(command.NewCustomerId, "customer")));
        return Details();
    }

    public Task<FollowUpDetails> GetDetailsAsync()
    {
        RequireScheduled();
        return Task.FromResult(Details());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder) return;
        if (State is { Scheduled: { } s, RemindedAt: null, Completed: null } && Clock.GetUtcNow() >= s.RemindAt)
        {
            await RaiseAsync("system:scheduler", new FollowUpReminded(s.RemindAt));
            _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new FollowUpReminderFeedItem(Details())]);
        }
        // A reminder that fired keeps ticking at its period unless re-registered: re-arm or disarm every time.
        await SyncReminderAsync();
    }

    /// <summary>Armed while the reminder is ahead (not delivered, not done); gone otherwise.</summary>
    private async Task SyncReminderAsync()
    {
        if (State is { Scheduled: { } s, RemindedAt: null, Completed: null })
            await this.RegisterOrUpdateReminder(Reminder, WaitUntil(s.RemindAt), TimeSpan.FromMinutes(1));
        else if (await this.GetReminder(Reminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private TimeSpan WaitUntil(DateTimeOffset instant)
    {
        var wait = instant - Clock.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxReminderWait ? MaxReminderWait : wait;
    }

    private void RequireScheduled()
    {
        if (State.Scheduled is null) throw new DomainException(DomainErrorKind.NotFound, "This follow-up does not exist.");
    }

    private FollowUpDetails Details() => State.ToDetails(Key.WorkspaceId, Key.FollowUpId);

    private static string? Optional(string? id, string what) => id is null ? null : Ids.Require(id, what);

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
