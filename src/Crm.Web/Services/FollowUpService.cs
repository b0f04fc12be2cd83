using Crm.Ai.Engines;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Follow-ups, "My day", and the reminders the live feed brings to their owner.</summary>
public sealed class FollowUpService(IGrainFactory grains, LiveFeedRelay feed, TimeProvider clock)
{
    /// <summary>A deal untouched in its stage this many days shows on My day: the assistant's idle rule, so both agree.</summary>
    public const int IdleDays = FollowUpPlanner.IdleDays;

    public Task<FollowUpDetails> ScheduleAsync(WorkspaceUser user, string? followUpId, ScheduleFollowUp command)
    {
        user.Require(CrmPolicies.Sell);
        var owner = user.AsOwner() ?? (string.IsNullOrWhiteSpace(command.OwnerId) ? user.AgentId : command.OwnerId);
        return FollowUp(user, followUpId ?? Ids.New()).ScheduleAsync(command with { OwnerId = owner, Actor = user.Actor });
    }

    public Task<FollowUpDetails> CompleteAsync(WorkspaceUser user, string followUpId)
    {
        user.Require(CrmPolicies.Sell);
        return FollowUp(user, followUpId).CompleteAsync(new CompleteFollowUp(user.Actor, user.AsOwner()));
    }

    public Task<IReadOnlyList<FollowUpDetails>> ListAsync(WorkspaceUser user, FollowUpQuery query) =>
        grains.GetGrain<IFollowUpListGrain>(user.WorkspaceId).ListAsync(query);

    public async Task<MyDay> MyDayAsync(WorkspaceUser user)
    {
        var now = clock.GetUtcNow();
        var endOfDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var open = await ListAsync(user, new FollowUpQuery(OwnerId: user.AgentId, DueBefore: endOfDay));
        var deals = await grains.GetGrain<IDealBoardGrain>(user.WorkspaceId).ListAsync(new DealQuery(OwnerId: user.AgentId, Outcome: StageOutcome.Open));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new MyDay(
            open.Where(f => f.DueAt < now).ToList(),
            open.Where(f => f.DueAt >= now).ToList(),
            deals.Where(d => d.DaysInStage(now) >= IdleDays).OrderBy(d => d.StageEnteredAt).ToList(),
            deals.Where(d => d.ExpectedClose < today).OrderBy(d => d.ExpectedClose).ToList(),
            IdleDays);
    }

    /// <summary>
    /// The user's own reminders as they fall due. When the subscriber fell too far behind the feed, every overdue one is
    /// handed again instead (the caller ignores those it already shows). Dispose to stop.
    /// </summary>
    public IDisposable SubscribeReminders(WorkspaceUser user, Func<FollowUpDetails, Task> onReminder) =>
        feed.Subscribe(user.WorkspaceId, item => item is FollowUpReminderFeedItem r && r.FollowUp.OwnerId == user.AgentId
            ? onReminder(r.FollowUp)
            : Task.CompletedTask,
            async () =>
            {
                foreach (var overdue in (await MyDayAsync(user)).Overdue) await onReminder(overdue);
            });

    private IFollowUpGrain FollowUp(WorkspaceUser user, string followUpId) =>
        grains.GetGrain<IFollowUpGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(followUpId, "follow-up")));
}
