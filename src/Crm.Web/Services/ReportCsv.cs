using System.Text;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Reports;

namespace Crm.Web.Services;

/// <summary>
/// A report as one CSV table (RFC 4180: comma-separated, CRLF line ends, quoted when a cell holds a comma, quote or
/// line break), long format so every metric, breakdown and definition fits under one header:
/// <c>section,dimension,key,name,statistic,value</c>. Durations are whole seconds; scores and percentages are written
/// as the console shows them (<see cref="ReportFormat"/>).
/// </summary>
public static class ReportCsv
{
    public const string Header = "section,dimension,key,name,statistic,value";

    public static string Write(ReportDetails report)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        void Row(string section, string dimension, string key, string name, string statistic, string? value) =>
            csv.AppendJoin(',', new[] { section, dimension, key, name, statistic, value ?? "" }.Select(Cell)).Append("\r\n");

        var query = report.Query;
        Row("report", "", "", "", "workspace", report.WorkspaceId);
        Row("report", "", "", "", "from", ReportFormat.Instant(query.From));
        Row("report", "", "", "", "to", ReportFormat.Instant(query.To));
        Row("report", "", "", "", "as-of-position", ReportFormat.Number(report.AsOfPosition));
        Row("report", "", "", "", "business-time-zone", report.BusinessTimeZoneId);
        if (query.Channel is { } channel) Row("report", "", "", "", "filter-channel", ReportCalculator.ChannelKey(channel));
        if (query.QueueId is { } queue) Row("report", "", "", "", "filter-queue", queue);
        if (query.AgentId is { } agent) Row("report", "", "", "", "filter-agent", agent);
        if (query.Label is { } label) Row("report", "", "", "", "filter-label", label);

        foreach (var (section, metric) in new[]
                 {
                     (ReportDefinitions.FirstResponse, report.FirstResponse),
                     (ReportDefinitions.NextResponse, report.NextResponse),
                     (ReportDefinitions.Resolution, report.Resolution),
                 })
        {
            foreach (var (dimension, summary) in new[] { ("calendar", metric.Calendar), ("business", metric.Business) })
            {
                Row(section, dimension, "", "", "count", ReportFormat.Number(summary.Count));
                Row(section, dimension, "", "", "average-seconds", Seconds(summary.AverageSeconds));
                Row(section, dimension, "", "", "median-seconds", Seconds(summary.MedianSeconds));
                Row(section, dimension, "", "", "p90-seconds", Seconds(summary.P90Seconds));
            }
        }
        Row(ReportDefinitions.Resolution, "", "", "", "reopened-conversations", ReportFormat.Number(report.ReopenedConversations));
        Row(ReportDefinitions.Resolution, "", "", "", "reopens", ReportFormat.Number(report.Reopens));

        Row(ReportDefinitions.Volume, "all", "", "", "opened", ReportFormat.Number(report.Opened));
        Row(ReportDefinitions.Volume, "all", "", "", "resolved", ReportFormat.Number(report.Resolved));
        foreach (var row in report.Volume)
        {
            var dimension = row.Dimension.ToString().ToLowerInvariant();
            Row(ReportDefinitions.Volume, dimension, row.Key, row.Name, "opened", ReportFormat.Number(row.Opened));
            Row(ReportDefinitions.Volume, dimension, row.Key, row.Name, "resolved", ReportFormat.Number(row.Resolved));
        }

        foreach (var (dimension, row) in report.CsatByAgent.Select(r => ("agent", r)).Prepend(("all", report.Csat)))
        {
            Row(ReportDefinitions.Csat, dimension, row.Key, row.Name, "responses", ReportFormat.Number(row.Responses));
            Row(ReportDefinitions.Csat, dimension, row.Key, row.Name, "satisfied", ReportFormat.Number(row.Satisfied));
            Row(ReportDefinitions.Csat, dimension, row.Key, row.Name, "average-score", row.AverageScore is { } score ? ReportFormat.Score(score) : null);
            Row(ReportDefinitions.Csat, dimension, row.Key, row.Name, "satisfied-percent", row.SatisfiedPercent is { } percent ? ReportFormat.Percent(percent) : null);
        }

        foreach (var definition in report.Definitions)
            Row("definition", "", definition.Id, definition.Title, "text", definition.Text);
        return csv.ToString();
    }

    private static string? Seconds(long? seconds) => seconds is { } s ? ReportFormat.Number(s) : null;

    /// <summary>
    /// One cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such
    /// text (an agent's name, say) gets a leading single quote and stays text: CSV injection. Then RFC 4180 quoting.
    /// </summary>
    private static string Cell(string value)
    {
        value = CsvText.Defused(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
