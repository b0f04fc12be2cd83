using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>What the live feed pushes besides a message: a viewer must not miss a real change, nor get the row again per message.</summary>
public sealed class SummaryChangesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly ConversationSummary Row = new(
        "ws", "c1", "Ada", Channel.Chat, "Chat", ConversationStatus.Open, null, T0, LastSeq: 3, "hi", AuthorKind.Customer, T0,
        Version: 4, Labels: ["billing"], SlaDueAt: T0.AddMinutes(5));

    [Fact]
    public void FeedItem_NewMessageOnly_ChangesNeitherDetailsNorVisitorState()
    {
        var after = Row with
        {
            LastSeq = 4, LastMessagePreview = "more", LastActivityAt = T0.AddSeconds(5), Version = 5, Unread = true,
            WaitingSince = T0, Labels = ["billing"],
        };

        var item = SummaryChanges.FeedItem(Row, after);

        Assert.False(item.DetailsChanged);
        Assert.False(item.VisitorStateChanged);
    }

    [Fact]
    public void FeedItem_FirstAnnounceOfAnActivation_ReportsEverythingChanged()
    {
        var item = SummaryChanges.FeedItem(null, Row);

        Assert.True(item.DetailsChanged);
        Assert.True(item.VisitorStateChanged);
    }

    [Theory]
    [MemberData(nameof(DetailChanges))]
    public void FeedItem_DetailChanged_ReportsDetailsChanged(string what, ConversationSummary after)
    {
        Assert.True(SummaryChanges.FeedItem(Row, after).DetailsChanged, what);
    }

    public static TheoryData<string, ConversationSummary> DetailChanges() => new()
    {
        { "assignee", Row with { AssigneeId = "a1", AssigneeName = "Bo", Version = 5 } },
        { "priority", Row with { Priority = Priority.Urgent, Version = 5 } },
        { "labels", Row with { Labels = ["billing", "vip"], Version = 5 } },
        { "sla due", Row with { SlaDueAt = T0.AddMinutes(30), LastSeq = 4, Version = 5 } },
        { "sla breach", Row with { SlaBreached = true, Version = 5 } },
    };

    [Theory]
    [MemberData(nameof(VisitorChanges))]
    public void FeedItem_VisitorStateChanged_ReportsBoth(string what, ConversationSummary after)
    {
        var item = SummaryChanges.FeedItem(Row, after);

        Assert.True(item.VisitorStateChanged, what);
        Assert.True(item.DetailsChanged, what);
    }

    public static TheoryData<string, ConversationSummary> VisitorChanges() => new()
    {
        { "status", Row with { Status = ConversationStatus.Resolved, Version = 5 } },
        { "read mark", Row with { ReadUpTo = 3, Version = 5 } },
        { "rating", Row with { CsatScore = 5, Version = 5 } },
    };
}
