using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// Which report to compute: the instants from <see cref="From"/> (included) to <see cref="To"/> (excluded), and
/// optional filters that select conversations (every metric is computed over the selected ones). <see cref="AgentId"/>
/// selects by the conversation's agent as the reports define it (see ReportDefinitions).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.reports.report-query")]
public sealed record ReportQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    Channel? Channel = null,
    string? QueueId = null,
    string? AgentId = null,
    string? Label = null);
