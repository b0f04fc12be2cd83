using System.Text.Json;
using System.Data.Common;
using Crm.Silo.Infrastructure.Database;
using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Silo.Infrastructure.CrmDirectory;

/// <summary>
/// The customers table in a SQLite file of its own (<c>directory.db</c> beside <c>events.db</c>): SQLite has one writer
/// per file, and the directory writes a page of customers at a time while the store appends. Everything in it is
/// derived from the events, and is written as durably as the snapshot that records how far it reached.
/// </summary>
public sealed class SqliteCustomerTable : DbCustomerTable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS customers (
            workspace_id TEXT    NOT NULL,
            customer_id  TEXT    NOT NULL,
            position     INTEGER NOT NULL,
            live         INTEGER NOT NULL,
            name         TEXT    NOT NULL,
            name_sort    TEXT    NOT NULL,
            email        TEXT,
            phone        TEXT,
            email_key    TEXT,
            phone_key    TEXT,
            domain_key   TEXT,
            company_id   TEXT,
            owner_id     TEXT,
            tags         TEXT    NOT NULL,
            search_text  TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            data         BLOB    NOT NULL,
            PRIMARY KEY (workspace_id, customer_id)
        );
        CREATE TABLE IF NOT EXISTS customer_folds (
            workspace_id TEXT PRIMARY KEY,
            fold_id      TEXT NOT NULL,
            position     INTEGER NOT NULL
        );
        """ + Indexes;

    private readonly string connectionString;
    private readonly SchemaOnce schema = new();

    public SqliteCustomerTable(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        connectionString = SqliteFiles.ConnectionString(options.SqliteDirectoryPath);
    }

    protected override string IdList(string parameter) => $"SELECT value FROM json_each({parameter})";

    protected override object IdListValue(IReadOnlyCollection<string> ids) => JsonSerializer.Serialize(ids);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await SqliteFiles.OpenAsync(connectionString, schema, (connection, ct) => SqliteFiles.ExecuteAsync(connection, Schema, ct), cancellationToken).ConfigureAwait(false);
}
