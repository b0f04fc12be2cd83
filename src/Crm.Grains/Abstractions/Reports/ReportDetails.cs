namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// A computed report: the query it answers (normalised), the store position it reflects, and every metric. The same
/// query at the same <see cref="AsOfPosition"/> always gives the same numbers, whichever screen asked.
/// </summary>
/// <param name="AsOfPosition">The global store position of the last conversation event folded in (0: none yet).</param>
/// <param name="BusinessTimeZoneId">The time zone of the business calendar that business time was counted in.</param>
/// <param name="Opened">Conversations opened in the range.</param>
/// <param name="Resolved">Conversations whose final resolution falls in the range (the resolution samples).</param>
/// <param name="ReopenedConversations">Of the <paramref name="Resolved"/> ones, those reopened at least once.</param>
/// <param name="Reopens">How often the <paramref name="Resolved"/> ones were reopened, in all.</param>
/// <param name="Volume">By channel, queue, agent and label, in that order.</param>
/// <param name="Csat">All ratings in the range.</param>
/// <param name="Definitions">What each metric means: the words every screen shows beside the numbers.</param>
[GenerateSerializer, Immutable, Alias("crm.reports.report-details")]
public sealed record ReportDetails(
    string WorkspaceId,
    ReportQuery Query,
    long AsOfPosition,
    string BusinessTimeZoneId,
    int Opened,
    int Resolved,
    DurationMetric FirstResponse,
    DurationMetric NextResponse,
    DurationMetric Resolution,
    int ReopenedConversations,
    int Reopens,
    IReadOnlyList<VolumeRow> Volume,
    CsatRow Csat,
    IReadOnlyList<CsatRow> CsatByAgent,
    IReadOnlyList<MetricDefinition> Definitions);
