using Microsoft.Data.Sqlite;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>
/// The event store's head, read from the node's SQLite file beside the running app (WAL lets a reader in while it
/// writes): a refused request must leave it where it was. Also lists what was appended, for the failure report.
/// </summary>
public sealed class StoreHead(string dataPath) : IAsyncDisposable
{
    private SqliteConnection? _connection;

    public async Task<long> PositionAsync()
    {
        await using var command = (await OpenAsync()).CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// "stream type" of each event after <paramref name="position"/> that a request could have caused. The router's own
    /// stream is left out: it records agents' presence and catch-up as they happen in the background (a console's
    /// grace running out), derived from facts already committed, never from the request in hand. So is an agent's
    /// presence going offline: a timer after their last connection closed, not a request.
    /// </summary>
    public async Task<IReadOnlyList<string>> AppendedAfterAsync(long position)
    {
        await using var command = (await OpenAsync()).CreateCommand();
        command.CommandText = "SELECT stream_id || ' ' || type FROM events WHERE position > $p AND stream_id NOT LIKE '%/routing/%' AND type NOT LIKE '%.agent-presence-changed.%' ORDER BY position LIMIT 20";
        command.Parameters.AddWithValue("$p", position);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        if (_connection is not null) return _connection;
        _connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "events.db")};Mode=ReadOnly;Pooling=False");
        await _connection.OpenAsync();
        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
