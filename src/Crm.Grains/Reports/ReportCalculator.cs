using System.Text.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Conversations;
using Crm.Grains.Sla;

namespace Crm.Grains.Reports;

/// <summary>
/// Computes a report from conversation facts, as <see cref="ReportDefinitions"/> words it. Pure: the facts, the query,
/// the business calendar and agent names come in; nothing is read from a clock, a grain or the store.
/// </summary>
public static class ReportCalculator
{
    public const string NoneName = "";

    public static ReportDetails Calculate(
        string workspaceId, IEnumerable<ConversationFacts> facts, ReportQuery query, BusinessSchedule schedule,
        IReadOnlyDictionary<string, string> agentNames, long asOfPosition)
    {
        var selected = facts.Where(f => Selects(query, f)).ToList();
        bool InRange(DateTimeOffset instant) => instant >= query.From && instant < query.To;

        var opened = selected.Where(f => InRange(f.OpenedAt)).ToList();
        var resolved = selected.Where(f => f.ResolvedAt is { } at && InRange(at)).ToList();
        var firstResponses = selected.Where(f => f.FirstResponse is { } w && InRange(w.AnsweredAt)).Select(f => f.FirstResponse!.Value);
        var nextResponses = selected.SelectMany(f => f.NextResponses).Where(w => InRange(w.AnsweredAt));
        var ratings = selected.Where(f => f.Rating is { } r && InRange(r.At)).Select(f => f.Rating!.Value).ToList();

        return new ReportDetails(
            workspaceId,
            query,
            asOfPosition,
            schedule.Calendar.TimeZoneId,
            opened.Count,
            resolved.Count,
            Durations(firstResponses.Select(w => (w.Since, w.AnsweredAt)), schedule),
            Durations(nextResponses.Select(w => (w.Since, w.AnsweredAt)), schedule),
            Durations(resolved.Select(f => (f.OpenedAt, f.ResolvedAt!.Value)), schedule),
            resolved.Count(f => f.Reopens > 0),
            resolved.Sum(f => f.Reopens),
            [.. Volume(opened, resolved, agentNames)],
            Csat("", "All agents", ratings),
            [.. ratings.GroupBy(r => r.AgentId ?? NoneName)
                .Select(g => Csat(g.Key, AgentName(g.Key, agentNames), g))
                .OrderByDescending(r => r.Responses).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)],
            ReportDefinitions.All);
    }

    /// <summary>How screens name a channel; its key is the API's spelling ("web-form").</summary>
    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.WebForm => "Web form",
        Channel.Api => "API",
        _ => channel.ToString(),
    };

    public static string ChannelKey(Channel channel) => JsonNamingPolicy.KebabCaseLower.ConvertName(channel.ToString());

    private static bool Selects(ReportQuery query, ConversationFacts facts) =>
        (query.Channel is null || facts.Channel == query.Channel)
        && (query.QueueId is null || facts.QueueId == query.QueueId)
        && (query.AgentId is null || facts.AgentId == query.AgentId)
        && (query.Label is null || facts.Labels.Contains(query.Label));

    private static DurationMetric Durations(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans, BusinessSchedule schedule)
    {
        var list = spans.ToList();
        return new DurationMetric(
            DurationStatistics.Summarize(list.Select(s => DurationStatistics.Seconds(s.To - s.From))),
            DurationStatistics.Summarize(list.Select(s => DurationStatistics.Seconds(schedule.Between(s.From, s.To)))));
    }

    private static IEnumerable<VolumeRow> Volume(
        IReadOnlyList<ConversationFacts> opened, IReadOnlyList<ConversationFacts> resolved, IReadOnlyDictionary<string, string> agentNames)
    {
        var dimensions = new (ReportDimension Dimension, Func<ConversationFacts, IEnumerable<(string Key, string Name)>> Values)[]
        {
            (ReportDimension.Channel, f => [(ChannelKey(f.Channel), ChannelName(f.Channel))]),
            (ReportDimension.Queue, f => [f.QueueId is { } queue ? (queue, queue) : (NoneName, "No queue")]),
            (ReportDimension.Agent, f => [(f.AgentId ?? NoneName, AgentName(f.AgentId ?? NoneName, agentNames))]),
            (ReportDimension.Label, f => f.Labels.Count == 0 ? [(NoneName, "No label")] : f.Labels.Select(l => (l, l))),
        };
        foreach (var (dimension, values) in dimensions)
        {
            var openedBy = opened.SelectMany(values).CountBy(v => v).ToDictionary();
            var resolvedBy = resolved.SelectMany(values).CountBy(v => v).ToDictionary();
            var rows = openedBy.Keys.Union(resolvedBy.Keys)
                .Select(v => new VolumeRow(dimension, v.Key, v.Name, openedBy.GetValueOrDefault(v), resolvedBy.GetValueOrDefault(v)))
                .OrderByDescending(r => r.Opened).ThenByDescending(r => r.Resolved).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal);
            foreach (var row in rows) yield return row;
        }
    }

    private static string AgentName(string agentId, IReadOnlyDictionary<string, string> agentNames) =>
        agentId == NoneName ? "Unassigned" : agentNames.GetValueOrDefault(agentId, agentId);

    private static CsatRow Csat(string key, string name, IEnumerable<GivenRating> ratings)
    {
        var scores = ratings.Select(r => r.Score).ToList();
        if (scores.Count == 0) return new CsatRow(key, name, 0, 0, null, null);
        var satisfied = scores.Count(CsatRules.IsSatisfied);
        return new CsatRow(key, name, scores.Count, satisfied,
            Math.Round(scores.Sum() / (double)scores.Count, 2, MidpointRounding.AwayFromZero),
            Math.Round(100.0 * satisfied / scores.Count, 1, MidpointRounding.AwayFromZero));
    }
}
