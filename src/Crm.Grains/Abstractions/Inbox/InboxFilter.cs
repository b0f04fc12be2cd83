using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Inbox;

/// <summary>The inbox's query rules as plain functions, shared by the list and the counts so both always agree.</summary>
public static class InboxFilter
{
    public static bool IsActive(ConversationSummary row) => row.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed);

    public static bool InView(ConversationSummary row, InboxView view, string? agentId) => view switch
    {
        InboxView.Mine => agentId is not null && row.AssigneeId == agentId,
        InboxView.Unassigned => row.AssigneeId is null,
        _ => true,
    };

    public static bool Matches(ConversationSummary row, InboxQuery query) =>
        InView(row, query.View, query.AgentId)
        && (query.Status is null || row.Status == query.Status)
        && (query.QueueId is null || row.QueueId == query.QueueId)
        && (query.Label is null || (row.Labels ?? []).Contains(query.Label));

    public static IEnumerable<ConversationSummary> Sort(IEnumerable<ConversationSummary> rows, InboxSort sort) => sort switch
    {
        InboxSort.LongestWaiting => rows.OrderBy(r => r.WaitingSince ?? DateTimeOffset.MaxValue).ThenByDescending(r => r.LastActivityAt),
        InboxSort.SlaDue => rows.OrderByDescending(r => r.SlaBreached).ThenBy(r => r.SlaDueAt ?? DateTimeOffset.MaxValue).ThenByDescending(r => r.LastActivityAt),
        _ => rows.OrderByDescending(r => r.LastActivityAt),
    };

    public static InboxCounts Count(IEnumerable<ConversationSummary> rows, string? agentId)
    {
        int mine = 0, mineWaiting = 0, mineUnread = 0, unassigned = 0, unassignedWaiting = 0, unassignedUnread = 0, all = 0, allWaiting = 0, allUnread = 0;
        foreach (var row in rows.Where(IsActive))
        {
            var waiting = row.WaitingSince is not null ? 1 : 0;
            var unread = row.Unread ? 1 : 0;
            all++;
            allWaiting += waiting;
            allUnread += unread;
            if (InView(row, InboxView.Mine, agentId)) { mine++; mineWaiting += waiting; mineUnread += unread; }
            if (InView(row, InboxView.Unassigned, agentId)) { unassigned++; unassignedWaiting += waiting; unassignedUnread += unread; }
        }
        return new InboxCounts(mine, mineWaiting, unassigned, unassignedWaiting, all, allWaiting, mineUnread, unassignedUnread, allUnread);
    }
}
