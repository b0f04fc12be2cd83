namespace Crm.Grains.Reports;

/// <summary>The report projection as saved: each conversation's facts and the latest name of each assigned agent.</summary>
[GenerateSerializer, Alias("crm.reports.snapshot")]
public sealed record ReportSnapshot(
    [property: Id(0)] Dictionary<string, ConversationFacts> Facts,
    [property: Id(1)] Dictionary<string, string> AgentNames);
