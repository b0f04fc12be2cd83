namespace Crm.Grains.Abstractions.Audit;

/// <summary>A field an event changed, as text; null means the field was not set (no assignee, no labels, no target).</summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-change")]
public sealed record AuditChange(string Field, string? Before, string? After);
