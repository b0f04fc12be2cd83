using System.Net.Sockets;
using System.Text;

namespace Crm.Web.Tests.Support;

/// <summary>
/// One HTTP/1.1 request over a raw socket whose answer is read while the body is still being written. A server that
/// refuses an oversized body answers (413) and closes the connection mid-upload; an HttpClient then reports only the
/// broken pipe of its write, while here the answer already received is what the test asserts.
/// </summary>
public static class RawHttpExchange
{
    public sealed record Answer(int Status, string Body);

    /// <returns>The answer, or null when the connection ended with no answer at all (that is a failure to report).</returns>
    public static async Task<Answer?> SendAsync(Uri baseAddress, string method, string path, string? cookie, string contentType, byte[] body,
        CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append($"{method} {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\n")
            .Append($"Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        if (cookie is not null) head.Append($"Cookie: {cookie}\r\n");
        head.Append("\r\n");

        var reading = ReadAnswerAsync(stream, cancellationToken);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
            for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), cancellationToken);
        }
        catch (IOException)
        {
            // The server stopped reading and closed: its answer, if any, is in what was received.
        }
        return await reading;
    }

    private static async Task<Answer?> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Parse(received.ToArray()) is { Complete: true } done) return done.Answer;
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it counts.
        }
        return Parse(received.ToArray())?.Answer;
    }

    private static (Answer Answer, bool Complete)? Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return null;
        var lines = text[..end].Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        // Interim answers ("100 Continue") are not the answer; the final one follows them.
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status)) return null;
        if (status is >= 100 and < 200) return Parse(bytes[(Encoding.UTF8.GetByteCount(text[..end]) + 4)..]);
        var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.TryParse(h[1].Trim(), out var n) ? n : (int?)null).FirstOrDefault();
        var body = text[(end + 4)..];
        return (new Answer(status, body), length is { } n2 && Encoding.UTF8.GetByteCount(body) >= n2);
    }
}
