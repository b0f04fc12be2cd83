using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Crm.Testing.Servers;

/// <summary>A throwaway Redis server on a free port, without persistence; shut down and deleted on dispose.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string DebianPackage = "redis-server";
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    private string? root;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var executable = Candidates.FirstOrDefault(File.Exists)
            ?? throw ServerProcess.Missing("Redis", string.Join(" or ", Candidates), DebianPackage);
        root = Path.Combine(Path.GetTempPath(), $"crm-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            await ServerProcess.RunAsync(
                executable,
                ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--daemonize", "yes", "--pidfile", Path.Combine(root, "redis.pid"),
                 "--dir", root, "--logfile", Path.Combine(root, "redis.log")],
                TimeSpan.FromSeconds(30));

            // daemonize returns before the server listens; it is ready once it answers PING.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (await SendAsync("PING") == "+PONG")
                {
                    return;
                }

                await Task.Delay(50);
            }

            if (attempt == 3)
            {
                var log = Path.Combine(root, "redis.log");
                throw new InvalidOperationException(
                    $"redis-server on port {Port} did not answer PING within 10 s. Log:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)")}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (root is null)
        {
            return;
        }

        try
        {
            // The server closes the connection instead of answering SHUTDOWN; wait until it is gone.
            await SendAsync("SHUTDOWN", "NOSAVE");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && await SendAsync("PING") == "+PONG")
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            root = null;
        }
    }

    /// <summary>Sends one RESP command over a raw socket and returns the first reply line, or null when nothing answers.</summary>
    private async Task<string?> SendAsync(params string[] command)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            var request = new StringBuilder($"*{command.Length}\r\n");
            foreach (var part in command)
            {
                request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read).Split("\r\n")[0];
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
