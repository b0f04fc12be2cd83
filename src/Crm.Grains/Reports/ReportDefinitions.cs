using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Conversations;

namespace Crm.Grains.Reports;

/// <summary>
/// The written definition of every report metric: the one text the API, the CSV export and the console show. The code
/// that computes the metrics (<see cref="ConversationFacts"/>, <see cref="ReportCalculator"/>,
/// <see cref="DurationStatistics"/>) follows these words; change both together.
/// </summary>
public static class ReportDefinitions
{
    public const string Range = "range";
    public const string Replies = "replies";
    public const string FirstResponse = "first-response";
    public const string NextResponse = "next-response";
    public const string Resolution = "resolution";
    public const string BusinessTime = "business-time";
    public const string Statistics = "statistics";
    public const string Volume = "volume";
    public const string Csat = "csat";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Range, "Range and filters",
            "A report covers the instants from 'from' (included) to 'to' (excluded). A date without a time is a UTC day: " +
            "'from' starts at its beginning and 'to' runs through its end. Each event is counted in the range containing it. " +
            "Filters (channel, queue, agent, label) select conversations; every metric is computed over the selected ones."),
        new(Replies, "Human replies and waits",
            "A reply is a message to the customer written by a person on the team. Bot and system messages, internal notes " +
            "and activity entries (status changes, assignments) are not replies. A customer waits from a message of theirs " +
            "sent while not already waiting until the first reply after it; their further messages meanwhile belong to " +
            "the same wait. A wait still open when the conversation is resolved or closed ends unanswered and is not counted."),
        new(FirstResponse, "First response time",
            "From the customer's first message to the first human reply after it (the conversation's first wait). A " +
            "conversation resolved or closed before any human reply has no first response. Counted in the range " +
            "containing the reply."),
        new(NextResponse, "Next response time",
            "Every later wait: from a customer message that starts a new wait (after an earlier wait was answered or " +
            "ended, including the message that reopens a resolved conversation) to the next human reply. Counted in " +
            "the range containing the reply."),
        new(Resolution, "Resolution time",
            "From the conversation's opening to its final resolution: when it last became resolved, or closed without " +
            "being resolved first. A reopened conversation (resolved, then open again) counts only its latest resolution, " +
            "and none while it is open again. Time pending or snoozed is included. Counted in the range containing the " +
            "resolution; reopened conversations and reopens are reported for the conversations counted."),
        new(BusinessTime, "Business hours",
            "Every duration is shown twice: calendar time counts every second; business time counts only the seconds " +
            "inside the workspace's business calendar (its opening hours in its time zone, minus holidays), as set in the " +
            "SLA settings when the report is run."),
        new(Statistics, "Average, median, 90th percentile",
            "Each duration is counted in whole seconds, rounded down. The average is their sum divided by their count, " +
            "rounded down to whole seconds. The median and the 90th percentile are nearest-rank: the smallest duration " +
            "with at least 50% (90%) of the durations at or below it."),
        new(Volume, "Volume",
            "Conversations opened in the range, and conversations whose final resolution falls in it, by channel, queue, " +
            "agent and label. The agent is the assignee at the final resolution, or the current assignee while the " +
            "conversation is not resolved. Labels are the conversation's current labels: a conversation counts once under " +
            "each of its labels, or under 'No label'."),
        new(Csat, "CSAT",
            $"Customer ratings given in the range, from {CsatRules.MinScore} (very unhappy) to {CsatRules.MaxScore} " +
            $"(very happy), per agent: the assignee when the conversation was resolved before the rating. A rating of " +
            $"{CsatRules.SatisfiedFrom} or more is satisfied; % satisfied is satisfied ratings over all ratings (1 decimal), " +
            "and the average score is rounded to 2 decimals."),
    ];
}
