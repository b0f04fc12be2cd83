using System.Data.Common;
using Crm.Silo.Infrastructure.Database;
using Crm.Silo.Infrastructure.EventStore;
using Npgsql;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// Snapshots in the event store's PostgreSQL database, table <c>snapshots</c> (created here, apart from the events' own
/// schema and migrations), through a pooled data source of its own. Every silo shares the table.
/// </summary>
public sealed class PostgresSnapshotStore : DbSnapshotStore, IAsyncDisposable
{
    /// <summary>Shared by every silo: serialises creating the table (CREATE TABLE IF NOT EXISTS is not atomic in PostgreSQL).</summary>
    internal const long SchemaLockKey = 0x4372_6D53_6E61_7073; // "CrmSnaps"

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key            text    PRIMARY KEY,
            schema_version integer NOT NULL,
            position       bigint  NOT NULL,
            data           bytea   NOT NULL,
            saved_at       bigint  NOT NULL
        );
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SchemaOnce schema = new();

    public PostgresSnapshotStore(EventStoreOptions options) => dataSource = PostgresTables.DataSource(options, "snapshot store");

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await PostgresTables.OpenAsync(dataSource, schema, SchemaLockKey, Schema, cancellationToken).ConfigureAwait(false);
}
