using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Hears every silo's commits on PostgreSQL: each append transaction sends <c>NOTIFY crm_events, '&lt;last position&gt;'</c>,
/// which the server delivers when (and only if) it commits, in commit order. One dedicated connection LISTENs and
/// advances the <see cref="CommitSignal"/>. When the connection drops it reconnects with a growing pause and, once
/// listening again, reads the head, so commits made while it was away still wake readers.
/// </summary>
internal sealed class PostgresCommitListener : IAsyncDisposable
{
    public const string Channel = "crm_events";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly string connectionString;
    private readonly CommitSignal signal;
    private readonly Func<CancellationToken, Task<long>> readHead;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public PostgresCommitListener(string connectionString, CommitSignal signal, Func<CancellationToken, Task<long>> readHead, ILogger logger)
    {
        // Not pooled: a pooled connection is reset (UNLISTEN) when returned, and this one lives as long as the store.
        this.connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        this.signal = signal;
        this.readHead = readHead;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var retry = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, out var position))
                    {
                        signal.Advance(position);
                    }
                };
                await connection.OpenAsync(stopping.Token).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping.Token).ConfigureAwait(false);
                }

                // Listening from here on: whatever committed before is in the head.
                signal.Advance(await readHead(stopping.Token).ConfigureAwait(false));
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stopping.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(exception, "Event store commit listener lost PostgreSQL; listening again in {Retry}", retry);
            }

            try
            {
                await Task.Delay(retry, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }
}
