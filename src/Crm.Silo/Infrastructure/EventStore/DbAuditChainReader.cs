using System.Data.Common;
using System.Runtime.CompilerServices;
using Crm.Silo.Infrastructure.Audit;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The audit-chain read shared by both stores: one query over the events in position order and one over the chain
/// heads. Providers supply only what differs: how to ask whether a table or column exists, and how the event id and
/// timestamp columns are stored.
/// </summary>
public abstract class DbAuditChainReader(DbConnection connection) : IAuditChainReader
{
    protected DbConnection Connection => connection;

    /// <summary>The SQL for "no hash yet" in this provider (typed NULLs where the provider needs them).</summary>
    protected abstract string NullHashColumns { get; }

    protected abstract Task<bool> HasTableAsync(string table, CancellationToken cancellationToken);

    protected abstract Task<bool> HasEventsColumnAsync(string column, CancellationToken cancellationToken);

    protected abstract Guid ReadEventId(DbDataReader reader, int ordinal);

    /// <summary>The stored timestamp as UTC microseconds since 1970, exactly what the chain hashed.</summary>
    protected abstract long ReadTimestampMicroseconds(DbDataReader reader, int ordinal);

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A store never opened by a chained version has no hash columns: all its rows are from before the chain.
        var hashColumns = await HasEventsColumnAsync("hash", cancellationToken).ConfigureAwait(false) ? "prev_hash, hash" : NullHashColumns;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT position, stream_id, version, event_id, type, data, actor, timestamp, {hashColumns} FROM events ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                ReadEventId(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                ReadTimestampMicroseconds(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9));
        }
    }

    public async Task<IReadOnlyList<AuditChainHead>> ReadHeadsAsync(CancellationToken cancellationToken = default)
    {
        var heads = new List<AuditChainHead>();
        if (!await HasTableAsync("audit_heads", cancellationToken).ConfigureAwait(false))
        {
            return heads;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT workspace, position, hash FROM audit_heads ORDER BY workspace";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads.Add(new AuditChainHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return heads;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
