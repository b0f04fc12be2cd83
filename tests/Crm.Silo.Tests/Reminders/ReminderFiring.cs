namespace Crm.Silo.Tests.Reminders;

/// <summary>One reminder tick as the probe grain saw it: which grain, which reminder, on which silo, when.</summary>
public sealed record ReminderFiring(string GrainKey, string ReminderName, string Silo, DateTimeOffset At);
