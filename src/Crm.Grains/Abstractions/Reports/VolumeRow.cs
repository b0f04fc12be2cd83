namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// Conversations opened in the range, and conversations whose final resolution falls in it, for one value of a
/// <see cref="Dimension"/>. <see cref="Key"/> is the value's id ("chat", a queue, agent id or label); empty for none
/// (no queue, unassigned, no label). <see cref="Name"/> is how screens show it.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.reports.volume-row")]
public sealed record VolumeRow(ReportDimension Dimension, string Key, string Name, int Opened, int Resolved);
