using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Crm.Web.Tests.Security.Fuzzing;

/// <summary>
/// A SignalR client that speaks the JSON hub protocol over a bare WebSocket, so invocations carry arguments no typed
/// client would serialize: wrong kinds, lone surrogates, nulls in lists. Connects without negotiation, authenticated by
/// a cookie header or a bearer token.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly StringBuilder _pending = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private int _nextId;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<RawHubClient> ConnectAsync(Uri baseAddress, string path, string? cookie, string? bearer, CancellationToken cancellationToken)
    {
        var client = new RawHubClient();
        if (cookie is not null) client._socket.Options.SetRequestHeader("Cookie", cookie);
        if (bearer is not null) client._socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        var uri = new UriBuilder(new Uri(baseAddress, path)) { Scheme = "ws" }.Uri;
        await client._socket.ConnectAsync(uri, cancellationToken);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await client.ReceiveAsync(cancellationToken);
        if (handshake is null || handshake.Contains("\"error\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"Hub handshake on {path} refused: {handshake}");
        return client;
    }

    /// <summary>Invokes <paramref name="target"/> with raw JSON arguments; returns the completion's error, "" on success, or
    /// null when the server closed the connection instead of answering.</summary>
    public async Task<string?> InvokeAsync(string target, IReadOnlyList<string> jsonArguments, CancellationToken cancellationToken)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{JsonText.Quote(target)},\"arguments\":[{string.Join(',', jsonArguments)}]}}", cancellationToken);
        while (await ReceiveAsync(cancellationToken) is { } message)
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetInt32();
            if (type == 7) return null; // Close, with or without an error.
            if (type != 3 || root.GetProperty("invocationId").GetString() != id) continue; // pushes and pings
            return root.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";
        }
        return null;
    }

    private async Task SendAsync(string message, CancellationToken cancellationToken) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }
            if (_socket.State != WebSocketState.Open) return null;
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close) return null;
            // A character may straddle two frames: the decoder keeps the first half until the rest arrives.
            var chars = new char[Encoding.UTF8.GetMaxCharCount(result.Count)];
            _pending.Append(chars, 0, _utf8.GetChars(buffer, 0, result.Count, chars, 0));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone: nothing to close.
        }
        _socket.Dispose();
    }
}
