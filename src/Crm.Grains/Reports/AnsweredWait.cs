namespace Crm.Grains.Reports;

/// <summary>A customer's wait that a human reply ended: from the message that started it to that reply.</summary>
[GenerateSerializer, Immutable, Alias("crm.reports.answered-wait")]
public readonly record struct AnsweredWait(DateTimeOffset Since, DateTimeOffset AnsweredAt);
