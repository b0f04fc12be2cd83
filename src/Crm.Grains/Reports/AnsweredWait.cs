namespace Crm.Grains.Reports;

/// <summary>A customer's wait that a human reply ended: from the message that started it to that reply.</summary>
public readonly record struct AnsweredWait(DateTimeOffset Since, DateTimeOffset AnsweredAt);
