namespace Crm.Benchmarks.Chat;

/// <summary>What one target did: the fixed-rate phase, the highest sustained rate (0 if none), and the run's totals.</summary>
public sealed record ChatOutcome(PhaseResult Fixed, double FixedRate, double SustainedRate, long Lost, long Duplicated, long Failed);
