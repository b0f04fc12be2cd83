using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Conversations;
using Crm.Testing.Hosts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Support;

/// <summary>
/// A SignalR .NET client of /hubs/conversations, signed in with a console user's cookie, that records every
/// MessagePosted it receives so a test can wait for one with a deadline.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public const string HubPath = "hubs/conversations";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<MessageDetails> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        Connection.On<MessageDetails>("MessagePosted", message =>
        {
            _received.Enqueue(message);
            _arrived.Release();
        });
    }

    public HubConnection Connection { get; }

    /// <summary>Every pushed message, in the order it arrived.</summary>
    public IReadOnlyCollection<MessageDetails> Received => _received;

    /// <summary>A connection that sends <paramref name="cookieHeader"/> (or nothing, when null); not started.</summary>
    public static HubConnection Build(Uri baseAddress, string? cookieHeader) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPath), options =>
            {
                if (cookieHeader is not null) options.Headers["Cookie"] = cookieHeader;
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();

    /// <summary>Connects as the user signed in on <paramref name="user"/>, to <paramref name="node"/> (by default the user's own node).</summary>
    public static async Task<LiveClient> ConnectAsync(ConsoleClient user, Uri? node = null)
    {
        var client = new LiveClient(Build(node ?? user.BaseAddress, user.CookieHeader));
        using var timeout = new CancellationTokenSource(DefaultWait);
        await client.Connection.StartAsync(timeout.Token);
        return client;
    }

    public Task<IReadOnlyList<MessageDetails>> JoinConversationAsync(string conversationId, long afterSeq) =>
        Connection.InvokeAsync<IReadOnlyList<MessageDetails>>("JoinConversation", conversationId, afterSeq);

    public Task<MessageDetails> PostMessageAsync(string conversationId, Guid clientMessageId, string? body) =>
        Connection.InvokeAsync<MessageDetails>("PostMessage", conversationId, clientMessageId, body);

    /// <summary>Waits for a pushed message that matches, failing with what did arrive when the deadline passes.</summary>
    public async Task<MessageDetails> WaitForMessageAsync(Func<MessageDetails, bool> match, string expectation, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? DefaultWait);
        while (true)
        {
            var found = _received.FirstOrDefault(match);
            if (found is not null) return found;
            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Expected {expectation} within {(within ?? DefaultWait).TotalSeconds:0} s; received: " +
                    (_received.IsEmpty ? "nothing" : string.Join(", ", _received.Select(m => $"{m.ConversationId}#{m.Seq} '{m.Body}'"))));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}
