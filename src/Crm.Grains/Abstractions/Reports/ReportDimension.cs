namespace Crm.Grains.Abstractions.Reports;

/// <summary>What a volume row is broken down by.</summary>
[GenerateSerializer, Alias("crm.reports.report-dimension")]
public enum ReportDimension
{
    Channel = 0,
    Queue = 1,
    Agent = 2,
    Label = 3,
}
