using Crm.Grains.Abstractions.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>One group commit on PostgreSQL, already holding the append advisory lock.</summary>
internal sealed class PostgresAppendTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAppendTransaction
{
    private const string UniqueViolation = "23505";

    private const string InsertSql = """
        INSERT INTO events (stream_id, version, event_id, type, data, actor, timestamp)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        RETURNING position
        """;

    public async Task<AppendBatchState> ReadStateAsync(IReadOnlyCollection<string> streamIds, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        // Both lookups in one round trip; after the lock, so they see every commit made before ours.
        // A max() per stream, not GROUP BY: it reads one index entry instead of all of the stream's versions.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT s, (SELECT max(version) FROM events WHERE stream_id = s) FROM unnest($1::text[]) AS s")
                {
                    Parameters = { new NpgsqlParameter<string[]> { TypedValue = streamIds.ToArray() } },
                },
                new NpgsqlBatchCommand("SELECT event_id, stream_id, version, position FROM events WHERE event_id = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = eventIds.ToArray() } },
                },
            },
        };

        var versions = new Dictionary<string, long>(streamIds.Count, StringComparer.Ordinal);
        var events = new Dictionary<Guid, ExistingEvent>(eventIds.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(1))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events[reader.GetGuid(0)] = new ExistingEvent(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return new AppendBatchState(versions, events);
    }

    public async Task<InsertResult> InsertAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        // The whole batch in one round trip: per write a savepoint, its inserts and the savepoint's release. A unique
        // violation makes the server skip the rest; rolling back to the refused write's savepoint keeps the earlier
        // writes and leaves the transaction usable.
        await using var batch = new NpgsqlBatch(connection, transaction);
        var ownerOfCommand = new Dictionary<NpgsqlBatchCommand, int>(ReferenceEqualityComparer.Instance);
        for (var w = 0; w < writes.Count; w++)
        {
            var write = writes[w];
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT append"));
            for (var i = 0; i < write.Events.Length; i++)
            {
                var insert = NewInsert(write.StreamId, write.FirstVersion + i, write.Events[i]);
                ownerOfCommand[insert] = w;
                batch.BatchCommands.Add(insert);
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT append"));
        }

        var inserted = new List<long[]>(writes.Count);
        try
        {
            // The reader passes over statements without rows (SAVEPOINT, RELEASE): its result sets are the inserts, in order.
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var first = true;
            foreach (var write in writes)
            {
                var positions = new long[write.Events.Length];
                for (var i = 0; i < positions.Length; i++)
                {
                    if (!first)
                    {
                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    }

                    first = false;
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    positions[i] = reader.GetInt64(0);
                }

                inserted.Add(positions);
            }

            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            return new InsertResult(inserted, null);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            var refused = exception.BatchCommand is { } command && ownerOfCommand.TryGetValue(command, out var owner)
                ? owner
                : inserted.Count;
            await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT append; RELEASE SAVEPOINT append", connection, transaction);
            await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new InsertResult(inserted.Take(refused).ToList(), refused);
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Rolls back when not committed; returns the connection to the pool either way.
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand NewInsert(string streamId, long version, EventData e) => new(InsertSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = streamId },
            new NpgsqlParameter<long> { TypedValue = version },
            new NpgsqlParameter<Guid> { TypedValue = e.EventId },
            new NpgsqlParameter<string> { TypedValue = e.Type },
            new NpgsqlParameter<string> { TypedValue = e.Data },
            new NpgsqlParameter<string> { TypedValue = e.Actor },

            // timestamptz takes UTC only; the instant is what is kept, to the microsecond.
            new NpgsqlParameter<DateTimeOffset> { TypedValue = e.Timestamp.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };
}
