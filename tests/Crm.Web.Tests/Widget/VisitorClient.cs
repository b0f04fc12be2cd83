using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// What the widget does, from .NET: a session from /api/widget/sessions, then a SignalR connection to /hubs/widget
/// authenticated by the visitor token. Records every MessagePosted and AgentsTyping push, so a test can wait for one
/// with a deadline or prove that one never came.
/// </summary>
public sealed class VisitorClient : IAsyncDisposable
{
    public const string HubPath = "hubs/widget";
    public const string SessionsPath = "api/widget/sessions";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<VisitorPush> _received = new();
    private readonly ConcurrentQueue<(string ConversationId, IReadOnlyList<string> Names)> _typing = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private VisitorClient(HubConnection connection, WidgetSession session)
    {
        Connection = connection;
        Session = session;
        Connection.On<string, VisitorMessage>("MessagePosted", (conversationId, message) =>
        {
            _received.Enqueue(new VisitorPush(conversationId, message));
            _arrived.Release();
        });
        Connection.On<string, IReadOnlyList<string>>("AgentsTyping", (conversationId, names) => _typing.Enqueue((conversationId, names)));
    }

    public HubConnection Connection { get; }

    public WidgetSession Session { get; }

    public IReadOnlyCollection<VisitorPush> Received => _received;

    /// <summary>POST /api/widget/sessions as the widget sends it; the caller checks the status.</summary>
    public static async Task<HttpResponseMessage> RequestSessionAsync(Uri baseAddress, string? workspaceId, string? token)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        return await http.PostAsJsonAsync(SessionsPath, new { workspaceId, token }, ApiJson.Options);
    }

    /// <summary>A session for <paramref name="workspaceId"/> (a new visitor, or the token's own when it is still valid).</summary>
    public static async Task<WidgetSession> CreateSessionAsync(Uri baseAddress, string workspaceId = DemoUsers.Workspace, string? token = null)
    {
        using var response = await RequestSessionAsync(baseAddress, workspaceId, token);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Creating a widget session: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<WidgetSession>(ApiJson.Options))!;
    }

    /// <summary>A connection to /hubs/widget sending <paramref name="token"/> as the widget's access token; not started.</summary>
    public static HubConnection Build(Uri baseAddress, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();

    /// <summary>A new visitor of the demo workspace, connected.</summary>
    public static async Task<VisitorClient> ConnectNewAsync(Uri baseAddress) =>
        await ConnectAsync(baseAddress, await CreateSessionAsync(baseAddress));

    /// <summary>Connects with an existing session, as a reloaded page or a reconnect does.</summary>
    public static async Task<VisitorClient> ConnectAsync(Uri baseAddress, WidgetSession session)
    {
        var client = new VisitorClient(Build(baseAddress, session.Token), session);
        using var timeout = new CancellationTokenSource(DefaultWait);
        try
        {
            await client.Connection.StartAsync(timeout.Token);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    /// <summary>Starts a chat with a fresh conversation id (chosen by the client, as the widget does).</summary>
    public Task<VisitorConversation> StartFreshConversationAsync(string name = "Maria Visitor") =>
        StartConversationAsync($"w-{Guid.NewGuid():N}", name);

    public Task<VisitorConversation> StartConversationAsync(string conversationId, string? name = "Maria Visitor", string? email = null) =>
        Connection.InvokeAsync<VisitorConversation>("StartConversation", new { conversationId, name, email });

    public Task<VisitorThread> JoinConversationAsync(string conversationId, long afterSeq) =>
        Connection.InvokeAsync<VisitorThread>("JoinConversation", conversationId, afterSeq);

    public Task<VisitorMessage> SendMessageAsync(string conversationId, string body, Guid? clientMessageId = null, string? displayName = "Maria Visitor") =>
        Connection.InvokeAsync<VisitorMessage>("SendMessage", conversationId, clientMessageId ?? Guid.NewGuid(), body, displayName);

    public Task TypingAsync(string conversationId, bool isTyping) => Connection.InvokeAsync("Typing", conversationId, isTyping);

    public Task HeartbeatAsync(string conversationId) => Connection.InvokeAsync("Heartbeat", conversationId);

    /// <summary>Waits for a pushed message that matches, failing with what did arrive when the deadline passes.</summary>
    public async Task<VisitorMessage> WaitForMessageAsync(string conversationId, Func<VisitorMessage, bool> match, string expectation, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? DefaultWait);
        while (true)
        {
            var found = _received.FirstOrDefault(p => p.ConversationId == conversationId && match(p.Message));
            if (found is not null) return found.Message;
            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"Expected {expectation} within {(within ?? DefaultWait).TotalSeconds:0} s; received: " +
                    (_received.IsEmpty ? "nothing" : string.Join(", ", _received.Select(p => $"{p.ConversationId}#{p.Message.Seq} '{p.Message.Body}'"))));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}
