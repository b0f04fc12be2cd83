using System.Data.Common;
using Crm.Silo.Infrastructure.Database;
using Crm.Silo.Infrastructure.EventStore;
using Npgsql;

namespace Crm.Silo.Infrastructure.CrmDirectory;

/// <summary>
/// The customers table in the event store's PostgreSQL database (created here, apart from the events' own schema and
/// migrations), through a pooled data source of its own. Every silo shares it; the sort and id columns are <c>COLLATE "C"</c>
/// so lists and their ties are in the same order as on SQLite.
/// </summary>
public sealed class PostgresCustomerTable : DbCustomerTable, IAsyncDisposable
{
    /// <summary>Shared by every silo: serialises creating the table (CREATE TABLE IF NOT EXISTS is not atomic in PostgreSQL).</summary>
    internal const long SchemaLockKey = 0x4372_6D43_7573_7473; // "CrmCusts"

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS customers (
            workspace_id text    NOT NULL,
            customer_id  text    COLLATE "C" NOT NULL,
            position     bigint  NOT NULL,
            live         integer NOT NULL,
            name         text    NOT NULL,
            name_sort    text    COLLATE "C" NOT NULL,
            email        text,
            phone        text,
            email_key    text,
            phone_key    text,
            domain_key   text,
            company_id   text,
            owner_id     text,
            tags         text    NOT NULL,
            search_text  text    NOT NULL,
            created_at   bigint  NOT NULL,
            updated_at   bigint  NOT NULL,
            data         bytea   NOT NULL,
            PRIMARY KEY (workspace_id, customer_id)
        );
        CREATE TABLE IF NOT EXISTS customer_folds (
            workspace_id text PRIMARY KEY,
            fold_id      text NOT NULL,
            position     bigint NOT NULL
        );
        """ + Indexes;

    private readonly NpgsqlDataSource dataSource;
    private readonly SchemaOnce schema = new();

    public PostgresCustomerTable(EventStoreOptions options) => dataSource = PostgresTables.DataSource(options, "customer table");

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override string IdList(string parameter) => $"SELECT unnest({parameter}::text[])";

    protected override object IdListValue(IReadOnlyCollection<string> ids) => ids.ToArray();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await PostgresTables.OpenAsync(dataSource, schema, SchemaLockKey, Schema, cancellationToken).ConfigureAwait(false);
}
