using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.Benchmarks.Routing;

/// <summary>
/// The supervisor's live board as the benchmark's judge: subscribed to the agents group and the queue, it notes when
/// each conversation first shows up in an agent's row (assignment), whether one ever sits in two agents' rows at once
/// (double assignment), whether any row's load passes its capacity, and how old each queue update is on arrival.
/// SignalR delivers one connection's messages in order, so the rows here change in the order the router published them.
/// </summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<string>> _rows = [];
    private readonly Dictionary<string, string> _holder = [];
    private readonly ConcurrentDictionary<string, long> _firstAssigned = new();
    private readonly HubConnection _connection;
    private readonly Action<string, string> _assigned;

    private BoardWatcher(HubConnection connection, Action<string, string> assigned)
    {
        _connection = connection;
        _assigned = assigned;
        connection.On<BoardWire.AgentRow>(BoardWire.AgentWorkloadChanged, Observe);
        connection.On<BoardWire.QueueRow>(BoardWire.QueueChanged, queue =>
            Staleness.Add(Math.Max(0, (DateTimeOffset.UtcNow - queue.AsOf).TotalMilliseconds)));
    }

    /// <summary>Board updates' age on arrival: the router's clock when it built the update (right after committing its decisions) to now.</summary>
    public Latencies Staleness { get; } = new();

    public int DoubleAssigned { get; private set; }

    public int OverCapacity { get; private set; }

    public int Updates { get; private set; }

    /// <summary>Stopwatch timestamp of the first board row that showed the conversation assigned, if any yet.</summary>
    public long? AssignedAt(string conversationId) => _firstAssigned.TryGetValue(conversationId, out var at) ? at : null;

    /// <param name="assigned">Called once per conversation (id, agent id) when it first shows up assigned.</param>
    public static async Task<BoardWatcher> ConnectAsync(Uri baseAddress, string cookieHeader, string queueId, Action<string, string> assigned)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/conversations"), options => options.Headers["Cookie"] = cookieHeader)
            .Build();
        var watcher = new BoardWatcher(connection, assigned);
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeAgents");
        await connection.InvokeAsync("SubscribeQueue", queueId);
        return watcher;
    }

    private void Observe(BoardWire.AgentRow row)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            Updates++;
            if (row.ChatLoad > row.ChatCapacity || row.TicketLoad > row.TicketCapacity) OverCapacity++;
            var current = _rows.TryGetValue(row.AgentId, out var held) ? held : [];
            var next = row.Conversations.ToHashSet();
            foreach (var gone in current.Except(next))
                if (_holder.TryGetValue(gone, out var holder) && holder == row.AgentId) _holder.Remove(gone);
            foreach (var added in next.Except(current))
            {
                // Another agent's latest row still lists it: two agents hold one conversation at the same time.
                if (_holder.TryGetValue(added, out var other) && other != row.AgentId && _rows[other].Contains(added)) DoubleAssigned++;
                _holder[added] = row.AgentId;
                if (_firstAssigned.TryAdd(added, now)) _assigned(added, row.AgentId);
            }
            _rows[row.AgentId] = next;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
