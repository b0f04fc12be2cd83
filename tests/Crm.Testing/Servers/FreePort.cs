using System.Net;
using System.Net.Sockets;

namespace Crm.Testing.Servers;

/// <summary>A TCP port on 127.0.0.1 that the OS just handed out, for a test server to listen on.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
