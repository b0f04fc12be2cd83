using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Crm.Testing.Servers;

/// <summary>
/// A TCP port on 127.0.0.1 for a test server to listen on. A port the OS hands out with bind(0) comes from its ephemeral
/// range, which is also where every outgoing connection's local port comes from: between this call and the server's own
/// bind seconds later, any client on the machine (a test's HTTP client, another suite's database connection) can be given
/// that port, and the server dies with "address already in use" (seen in CI). So ports come from below the ephemeral
/// range, picked at random (two test processes rarely pick alike) and checked free by binding them once; this process
/// never hands the same port out twice.
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly ConcurrentDictionary<int, bool> Handed = new();
    private static readonly int BelowEphemeral = EphemeralStart();

    public static int Next()
    {
        for (var attempt = 0; attempt < 200 && BelowEphemeral - Lowest > 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, BelowEphemeral);
            if (Handed.TryAdd(port, true) && IsFree(port)) return port;
        }
        return FromTheOs();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FromTheOs()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of the OS's ephemeral range (Linux: /proc; elsewhere the IANA range's start).</summary>
    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 49_152;
        }
    }
}
