using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Crm.Web.Tests.Support;

/// <summary>
/// A SignalR client of /hubs/conversations that joins a conversation and then never reads its socket again, as a
/// frozen browser tab or a dead mobile link does: written by hand over a raw socket with a small receive buffer, so
/// the server's sends really back up (a SignalR client library would keep reading into memory).
/// </summary>
public sealed class StalledHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly Socket _socket;
    private readonly WebSocket _webSocket;

    private StalledHubClient(Socket socket, WebSocket webSocket)
    {
        _socket = socket;
        _webSocket = webSocket;
    }

    /// <summary>Connects with the user's cookie, joins <paramref name="conversationId"/>, reads the answer, and stops reading.</summary>
    public static async Task<StalledHubClient> JoinAndStallAsync(Uri baseAddress, string cookieHeader, string conversationId)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, baseAddress.Port));
        var stream = new NetworkStream(socket, ownsSocket: false);
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var upgrade = $"GET /{LiveClient.HubPath} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nCookie: {cookieHeader}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(upgrade));
        var head = await ReadHeadAsync(stream);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new InvalidOperationException($"The hub refused the WebSocket upgrade: {head}");

        var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var client = new StalledHubClient(socket, webSocket);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        await client.ReceiveUntilAsync("{}"); // the handshake's answer
        await client.SendAsync($"{{\"type\":1,\"invocationId\":\"join\",\"target\":\"JoinConversation\",\"arguments\":[\"{conversationId}\",0]}}");
        await client.ReceiveUntilAsync("\"invocationId\":\"join\"");
        return client;
    }

    /// <summary>
    /// Whether the server has cut this connection off: a ping written to a connection the server aborted fails
    /// (reset) once the abort has reached this socket.
    /// </summary>
    public async Task<bool> IsCutOffAsync()
    {
        try
        {
            await SendAsync("{\"type\":6}");
            return _socket.Poll(0, SelectMode.SelectError);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _webSocket.Abort();
        _webSocket.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _webSocket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, timeout.Token);
    }

    private async Task ReceiveUntilAsync(string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var result = await _webSocket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"The hub closed the connection: {text}");
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, timeout.Token) == 0) throw new InvalidOperationException($"The hub closed during the upgrade: {head}");
            head.Append((char)one[0]);
        }
        return head.ToString();
    }
}
