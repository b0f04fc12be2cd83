using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Crm.Grains.Sla;

namespace Crm.Grains.Reports;

/// <summary>
/// A workspace's report projection ("reports/{workspace}"): <see cref="ConversationFacts"/> per conversation, folded
/// from the workspace's conversation streams in global-position order. It holds no stream of its own and takes no live
/// updates: it resumes from its snapshot plus the store's tail, is woken by commits, and reads up to the head before
/// every answer, so an answer includes every event committed before the question, and a restart loses nothing and
/// applies nothing twice (each event is folded once, in order, past the checkpoint the snapshot was saved with).
/// Not reentrant: one catch-up at a time.
/// </summary>
public sealed class ReportGrain : ProjectionGrain<ReportSnapshot>, IReportGrain
{
    private Dictionary<string, ConversationFacts> _facts = new(StringComparer.Ordinal);

    // The latest name each agent was assigned under (in store order), so a renamed agent shows one name everywhere.
    private Dictionary<string, string> _agentNames = new(StringComparer.Ordinal);

    private BusinessSchedule? _schedule;

    protected override string Kind => ProjectionKinds.Reports;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.ConversationCategory);

    public async Task<ReportDetails> GetAsync(ReportQuery query)
    {
        var normalized = ReportRules.Require(query);
        await CatchUpAsync();
        // Asked per report: the workspace grain holds the one copy of the calendar, and an admin may have changed it.
        var calendar = (await GrainFactory.GetGrain<IWorkspaceGrain>(WorkspaceId).GetSlaAsync()).Calendar;
        if (_schedule is null || _schedule.Calendar != calendar) _schedule = new BusinessSchedule(calendar);
        return ReportCalculator.Calculate(WorkspaceId, _facts.Values, normalized, _schedule, _agentNames, Checkpoint);
    }

    protected override ReportSnapshot TakeSnapshot() => new(new(_facts, StringComparer.Ordinal), new(_agentNames, StringComparer.Ordinal));

    protected override void Restore(ReportSnapshot snapshot)
    {
        _facts = new(snapshot.Facts, StringComparer.Ordinal);
        _agentNames = new(snapshot.AgentNames, StringComparer.Ordinal);
    }

    protected override Task ApplyAsync(StoredEvent stored)
    {
        var conversationId = StreamIds.Parse(stored.StreamId)!.Value.Id;
        switch (EventSerializer.Deserialize(stored))
        {
            case ConversationOpened opened:
                _facts[conversationId] = new ConversationFacts(opened);
                break;
            case var @event when _facts.TryGetValue(conversationId, out var facts):
                if (@event is ConversationAssigned { AgentId: { } agentId, AgentName: { } name }) _agentNames[agentId] = name;
                facts.Apply(@event);
                break;
        }
        return Task.CompletedTask;
    }
}
