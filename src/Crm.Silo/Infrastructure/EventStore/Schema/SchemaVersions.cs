namespace Crm.Silo.Infrastructure.EventStore.Schema;

/// <summary>
/// The event store's schema versions, the same for both providers. Each store records the versions it has applied in
/// a <c>schema_version</c> table and applies the missing ones when it opens; a store written by a newer build is refused.
/// </summary>
/// <remarks>
/// 1: the events table with its audit-chain columns, and the audit chain heads (the schema before versioning; a file or
///    database without the version table is at 0, and migration 1 only adds what it lacks).
/// 2: each event's workspace and category, backfilled from the stream id in batches, and the indexes filtered reads use.
/// </remarks>
public static class SchemaVersions
{
    public const int Latest = 2;

    /// <summary>Rows a backfill updates per transaction: short enough that readers and other writers barely notice.</summary>
    public const int BackfillBatch = 10_000;

    internal static void RefuseNewer(long found, string store)
    {
        if (found > Latest)
        {
            throw new EventStoreSchemaTooNewException(
                $"The event store at {store} has schema version {found}, but this build knows schema versions up to {Latest}. " +
                "It was written by a newer version of the app: run that version (or newer), or restore a backup made before the upgrade.");
        }
    }
}
