using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Inbox;
using Xunit;

namespace Crm.Grains.Tests.Inbox;

/// <summary>The inbox's views, filters, sorts and counts: one set of rules for the grain's list and the live page.</summary>
public sealed class InboxFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ConversationSummary Row(
        string id, string? assignee = null, ConversationStatus status = ConversationStatus.Open, int minutesAgo = 0,
        DateTimeOffset? waitingSince = null, string[]? labels = null, DateTimeOffset? slaDue = null, bool breached = false, bool unread = false) =>
        new("ws", id, "Ada", Channel.Chat, "s", status, "support", T0, 1, "", AuthorKind.Customer, T0.AddMinutes(-minutesAgo), 1,
            Labels: labels ?? [], AssigneeId: assignee, WaitingSince: waitingSince, SlaDueAt: slaDue, SlaBreached: breached, Unread: unread);

    private static readonly ConversationSummary[] Rows =
    [
        Row("mine-waiting", assignee: "alice", minutesAgo: 5, waitingSince: T0.AddMinutes(-30), labels: ["vip"]),
        Row("mine-resolved", assignee: "alice", status: ConversationStatus.Resolved, minutesAgo: 1),
        Row("bobs", assignee: "bob", minutesAgo: 2, waitingSince: T0.AddMinutes(-60), slaDue: T0.AddMinutes(10)),
        Row("unassigned", minutesAgo: 3, slaDue: T0.AddMinutes(-1), breached: true, labels: ["billing"]),
    ];

    [Theory]
    [InlineData(InboxView.Mine, new[] { "mine-waiting", "mine-resolved" })]
    [InlineData(InboxView.Unassigned, new[] { "unassigned" })]
    [InlineData(InboxView.All, new[] { "mine-waiting", "mine-resolved", "bobs", "unassigned" })]
    public void Matches_View_KeepsOnlyThatViewsRows(InboxView view, string[] expected) =>
        Assert.Equal(expected.Order(), Rows.Where(r => InboxFilter.Matches(r, new InboxQuery(View: view, AgentId: "alice"))).Select(r => r.ConversationId).Order());

    [Fact]
    public void Matches_MineWithoutAnAgent_MatchesNothing() =>
        Assert.DoesNotContain(Rows, r => InboxFilter.Matches(r, new InboxQuery(View: InboxView.Mine)));

    [Fact]
    public void Matches_StatusAndLabel_Combine() =>
        Assert.Equal(["mine-waiting"], Rows.Where(r => InboxFilter.Matches(r, new InboxQuery(ConversationStatus.Open, Label: "vip"))).Select(r => r.ConversationId));

    [Theory]
    [InlineData(InboxSort.LatestActivity, new[] { "mine-resolved", "bobs", "unassigned", "mine-waiting" })]
    [InlineData(InboxSort.LongestWaiting, new[] { "bobs", "mine-waiting", "mine-resolved", "unassigned" })]
    [InlineData(InboxSort.SlaDue, new[] { "unassigned", "bobs", "mine-resolved", "mine-waiting" })]
    public void Sort_Order_AsNamed(InboxSort sort, string[] expected) =>
        Assert.Equal(expected, InboxFilter.Sort(Rows, sort).Select(r => r.ConversationId));

    [Fact]
    public void Count_ActiveAndWaitingPerView_ExcludesResolved() =>
        Assert.Equal(new InboxCounts(Mine: 1, MineWaiting: 1, Unassigned: 1, UnassignedWaiting: 0, All: 3, AllWaiting: 2), InboxFilter.Count(Rows, "alice"));

    [Fact]
    public void Count_UnreadRows_CountedPerViewExceptResolved()
    {
        ConversationSummary[] rows =
        [
            Row("mine-unread", assignee: "alice", unread: true),
            Row("mine-read", assignee: "alice"),
            Row("mine-resolved-unread", assignee: "alice", status: ConversationStatus.Resolved, unread: true),
            Row("bobs-unread", assignee: "bob", unread: true),
            Row("unassigned-unread", unread: true),
        ];

        var counts = InboxFilter.Count(rows, "alice");

        Assert.Equal((MineUnread: 1, UnassignedUnread: 1, AllUnread: 3), (counts.MineUnread, counts.UnassignedUnread, counts.AllUnread));
    }
}
