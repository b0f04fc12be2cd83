using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// One agent connection, joined to its share of the conversations; every message of those reaches it. After a
/// reconnect it rejoins each conversation after its contiguous watermark, which gap-fills what it missed.
/// </summary>
public sealed class AgentClient : IAsyncDisposable
{
    private const int JoinConcurrency = 32;
    private readonly IReadOnlyList<ConversationTrack> _tracks;
    private readonly MessageLedger _ledger;
    private Task _rejoined = Task.CompletedTask;

    private AgentClient(HubConnection connection, IReadOnlyList<ConversationTrack> tracks, MessageLedger ledger)
    {
        Connection = connection;
        _tracks = tracks;
        _ledger = ledger;
    }

    public HubConnection Connection { get; }

    /// <summary>The latest rejoin after a reconnect (completed when none is running).</summary>
    public Task Rejoined => _rejoined;

    public static async Task<AgentClient> ConnectAsync(
        ChatTarget target, int index, IReadOnlyList<ConversationTrack> tracks, IReadOnlyDictionary<string, ConversationTrack> byId, MessageLedger ledger)
    {
        var cookies = await target.SignInAgentAsync(index);
        var connection = ChatConnection.Build(target, target.AgentHubPath, visitorToken: null, cookies);
        var client = new AgentClient(connection, tracks, ledger);
        connection.On<ChatWire.AgentMessage>(ChatWire.MessagePosted, message =>
        {
            var now = Stopwatch.GetTimestamp();
            if (byId.TryGetValue(message.ConversationId, out var track)) ledger.Receive(track, message.Seq, message.Body, now, pushed: true, index);
        });
        connection.On<ChatWire.Ignored>(ChatWire.ConversationChanged, _ => ledger.OtherPush());
        connection.Reconnected += _ =>
        {
            client._rejoined = client.JoinAllAsync(retryFor: TimeSpan.FromMinutes(2));
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return client;
    }

    /// <summary>Joins (or rejoins) every conversation of this agent after what it has already received.</summary>
    public Task JoinAllAsync(TimeSpan retryFor) =>
        Parallel.ForEachAsync(_tracks, new ParallelOptions { MaxDegreeOfParallelism = JoinConcurrency }, async (track, _) =>
        {
            var giveUp = Stopwatch.GetTimestamp() + (long)(retryFor.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                try
                {
                    var missed = await Connection.InvokeAsync<ChatWire.AgentMessage[]>(ChatWire.JoinConversation, track.Id, track.Watermark);
                    var now = Stopwatch.GetTimestamp();
                    foreach (var message in missed) _ledger.Receive(track, message.Seq, message.Body, now, pushed: false);
                    return;
                }
                catch (Exception) when (Stopwatch.GetTimestamp() < giveUp)
                {
                    await Task.Delay(100);
                }
            }
        });

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
