namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Totals since the store opened: durable commits, the appends and events they carried, and duplicates answered without a write.</summary>
public sealed record GroupCommitStatistics(long Commits, long Appends, long Events, long Duplicates);
