using System.Globalization;
using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>One group commit on PostgreSQL, already holding the append advisory lock.</summary>
internal sealed class PostgresAppendTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAppendTransaction
{
    private const string UniqueViolation = "23505";

    // The position is reserved beforehand (its hash covers it), so the identity's own value is overridden.
    private const string InsertSql = """
        INSERT INTO events (position, stream_id, version, event_id, type, data, actor, timestamp, prev_hash, hash, workspace, category)
        OVERRIDING SYSTEM VALUE
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        RETURNING position
        """;

    // Taken from the identity's own sequence under the append lock, so positions still rise in commit order across silos.
    private const string ReserveSql = "SELECT nextval(pg_get_serial_sequence('events', 'position')) FROM generate_series(1, $1)";

    private const string SaveHeadsSql = """
        INSERT INTO audit_heads (workspace, position, hash)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
        ON CONFLICT (workspace) DO UPDATE SET position = excluded.position, hash = excluded.hash
        """;

    public async Task<AppendBatchState> ReadStateAsync(
        IReadOnlyCollection<string> streamIds,
        IReadOnlyCollection<Guid> eventIds,
        IReadOnlyCollection<string> workspaces,
        CancellationToken cancellationToken)
    {
        // All lookups in one round trip; after the lock, so they see every commit made before ours.
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
                new NpgsqlBatchCommand("SELECT workspace, hash FROM audit_heads WHERE workspace = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter<string[]> { TypedValue = workspaces.ToArray() } },
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

        var heads = new Dictionary<string, string>(workspaces.Count, StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[reader.GetString(0)] = reader.GetString(1);
        }

        return new AppendBatchState(versions, events, heads);
    }

    public async Task<long[]> ReservePositionsAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReserveSql, connection, transaction)
        {
            Parameters = { new NpgsqlParameter<int> { TypedValue = count } },
        };
        var positions = new long[count];
        var i = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                positions[i++] = reader.GetInt64(0);
            }
        }

        // SQL does not promise the rows come back in the order nextval ran.
        Array.Sort(positions);
        return positions;
    }

    public async Task SaveHeadsAsync(IReadOnlyCollection<AuditChainHead> chainHeads, long logHead, CancellationToken cancellationToken)
    {
        // One round trip. The server delivers the notification to every listening silo when this transaction commits,
        // and drops it if it rolls back.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(SaveHeadsSql)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string[]> { TypedValue = chainHeads.Select(h => h.Workspace).ToArray() },
                        new NpgsqlParameter<long[]> { TypedValue = chainHeads.Select(h => h.Position).ToArray() },
                        new NpgsqlParameter<string[]> { TypedValue = chainHeads.Select(h => h.Hash).ToArray() },
                    },
                },
                new NpgsqlBatchCommand($"SELECT pg_notify('{PostgresCommitListener.Channel}', $1)")
                {
                    Parameters = { new NpgsqlParameter<string> { TypedValue = logHead.ToString(CultureInfo.InvariantCulture) } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
                var insert = NewInsert(write, i);
                ownerOfCommand[insert] = w;
                batch.BatchCommands.Add(insert);
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT append"));
        }

        var inserted = new List<long[]>(writes.Count);
        try
        {
            // The reader passes over statements without rows (SAVEPOINT, RELEASE): its result sets are the inserts, in
            // order. Reading them tells how many writes went in before a refused one; the positions are the planned ones.
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var first = true;
            foreach (var write in writes)
            {
                for (var i = 0; i < write.Events.Length; i++)
                {
                    if (!first)
                    {
                        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    }

                    first = false;
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (reader.GetInt64(0) != write.Positions[i])
                    {
                        throw new InvalidOperationException($"Event stored at position {reader.GetInt64(0)}, not the reserved {write.Positions[i]}.");
                    }
                }

                inserted.Add(write.Positions);
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

    private static NpgsqlBatchCommand NewInsert(PlannedWrite write, int index)
    {
        var e = write.Events[index];
        return new(InsertSql)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = write.Positions[index] },
                new NpgsqlParameter<string> { TypedValue = write.StreamId },
                new NpgsqlParameter<long> { TypedValue = write.FirstVersion + index },
                new NpgsqlParameter<Guid> { TypedValue = e.EventId },
                new NpgsqlParameter<string> { TypedValue = e.Type },
                new NpgsqlParameter<string> { TypedValue = e.Data },
                new NpgsqlParameter<string> { TypedValue = e.Actor },

                // timestamptz keeps microseconds, in UTC. Cut to exactly what the audit hash covered, so the stored
                // instant never depends on how the driver rounds the sub-microsecond rest.
                new NpgsqlParameter<DateTimeOffset>
                {
                    TypedValue = SqliteEventStore.FromUnixMicroseconds(SqliteEventStore.ToUnixMicroseconds(e.Timestamp)),
                    NpgsqlDbType = NpgsqlDbType.TimestampTz,
                },
                new NpgsqlParameter<string> { TypedValue = write.PrevHashes[index] },
                new NpgsqlParameter<string> { TypedValue = write.Hashes[index] },
                new NpgsqlParameter<string> { TypedValue = write.Columns.Workspace },
                new NpgsqlParameter<string> { TypedValue = write.Columns.Category },
            },
        };
    }
}
