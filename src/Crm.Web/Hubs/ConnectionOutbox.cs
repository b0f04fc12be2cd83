using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Hubs;

/// <summary>
/// One SignalR connection's bounded queue of pushes, sent one at a time by its own loop. SignalR awaits a client's
/// socket when it stops reading; with this queue only that connection waits. One that falls <see cref="Capacity"/>
/// pushes behind is cut over: the connection is aborted and its client reconnects and gap-fills by sequence number
/// (JoinConversation with afterSeq), which every client does after any reconnect.
/// </summary>
internal sealed class ConnectionOutbox<TClient> where TClient : class
{
    public const int Capacity = 256;

    private readonly Channel<Func<TClient, Task>> _queue = Channel.CreateBounded<Func<TClient, Task>>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    private readonly HubCallerContext _context;
    private readonly TClient _client;
    private readonly ILogger _logger;

    public ConnectionOutbox(HubCallerContext context, TClient client, ILogger logger)
    {
        _context = context;
        _client = client;
        _logger = logger;
        _ = DrainAsync();
    }

    public string ConnectionId => _context.ConnectionId;

    /// <summary>The groups this connection joined, so leaving the hub leaves them all.</summary>
    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues a push without waiting; a full queue cuts the connection over instead.</summary>
    public void Offer(Func<TClient, Task> push)
    {
        if (_queue.Writer.TryWrite(push)) return;
        // Once per connection: pushes offered after the cut (until it has left its groups) are dropped silently.
        if (CutOver())
            _logger.LogInformation("Connection {ConnectionId} fell {Capacity} pushes behind: aborted, so it reconnects and gap-fills",
                ConnectionId, Capacity);
    }

    /// <summary>Aborts the connection; false when it was already cut over or closed.</summary>
    public bool CutOver()
    {
        if (!_queue.Writer.TryComplete()) return false;
        _context.Abort();
        return true;
    }

    public void Close() => _queue.Writer.TryComplete();

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var push))
            {
                try
                {
                    await push(_client);
                }
                catch (Exception ex)
                {
                    _logger.LogDebug(ex, "A push to connection {ConnectionId} failed", ConnectionId);
                }
            }
        }
    }
}
