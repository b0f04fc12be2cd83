namespace Crm.Grains.Abstractions.Audit;

/// <summary>
/// Entries newest first. <see cref="Next"/> is the cursor for the following page (pass it as
/// <see cref="AuditQuery.Before"/>), null once nothing older can match. <see cref="Scanned"/> counts the events read
/// to build the page, which says why a filtered page can be short yet have a next one.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.audit.audit-page")]
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next, int Scanned);
