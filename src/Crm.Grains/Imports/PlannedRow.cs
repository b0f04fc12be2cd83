using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports;

/// <summary>
/// What happens to one valid row: created under <paramref name="CustomerId"/>, or applied to the customer it duplicates
/// (<paramref name="Mode"/> says how; a row of this import when <paramref name="TargetLine"/> is set), or skipped.
/// </summary>
public sealed record PlannedRow(ImportCandidate Row, string CustomerId, bool Create, DuplicateMode? Mode, long? TargetLine, string? Reason);
