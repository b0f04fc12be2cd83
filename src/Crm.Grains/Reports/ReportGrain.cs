using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Sla;

namespace Crm.Grains.Reports;

/// <summary>
/// A workspace's report projection: <see cref="ConversationFacts"/> per conversation, folded from the workspace's
/// conversation streams in global-position order. It holds no stream of its own and takes no live updates: it
/// rebuilds from the store on activation and reads up to the head before every answer, so an answer includes every
/// event committed before the question, and a restart loses nothing and applies nothing twice (each event is folded
/// once, in order, past the checkpoint). Not reentrant: one catch-up at a time.
/// </summary>
public sealed class ReportGrain(IEventStore store) : Grain, IReportGrain
{
    private readonly Dictionary<string, ConversationFacts> _facts = new(StringComparer.Ordinal);

    // The latest name each agent was assigned under (in store order), so a renamed agent shows one name everywhere.
    private readonly Dictionary<string, string> _agentNames = new(StringComparer.Ordinal);

    private BusinessSchedule? _schedule;
    private long _checkpoint;

    private string WorkspaceId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => CatchUpAsync(cancellationToken);

    public async Task<ReportDetails> GetAsync(ReportQuery query)
    {
        var normalized = ReportRules.Require(query);
        await CatchUpAsync(CancellationToken.None);
        // Asked per report: the workspace grain holds the one copy of the calendar, and an admin may have changed it.
        var calendar = (await GrainFactory.GetGrain<IWorkspaceGrain>(WorkspaceId).GetSlaAsync()).Calendar;
        if (_schedule is null || _schedule.Calendar != calendar) _schedule = new BusinessSchedule(calendar);
        return ReportCalculator.Calculate(WorkspaceId, _facts.Values, normalized, _schedule, _agentNames, _checkpoint);
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, WorkspaceId);
        await foreach (var stored in store.ReadAfterAsync(_checkpoint, prefix, cancellationToken: cancellationToken))
        {
            var conversationId = stored.StreamId[prefix.Length..];
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
            _checkpoint = stored.Position;
        }
    }
}
