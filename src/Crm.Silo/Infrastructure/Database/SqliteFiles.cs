using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.Database;

/// <summary>
/// The derived stores' SQLite files beside <c>events.db</c> (snapshots, the CRM directory): each its own file, since
/// SQLite has one writer per file and their large writes would hold up appends. Written with <c>synchronous = FULL</c>:
/// what they hold survives a power cut like the events it is derived from.
/// </summary>
public static class SqliteFiles
{
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>A pooled connection string for the file at <paramref name="path"/>; creates its folder.</summary>
    public static string ConnectionString(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = true,
        }.ToString();
    }

    /// <summary>An open connection; the first one of the store (per <paramref name="schema"/>) switches to WAL and runs <paramref name="create"/>.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, SchemaOnce schema, Func<SqliteConnection, CancellationToken, Task> create, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
            await schema.EnsureAsync(async ct =>
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
                await create(connection, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
