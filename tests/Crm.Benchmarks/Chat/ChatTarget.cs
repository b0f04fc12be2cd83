using System.Net;
using System.Net.WebSockets;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// A chat server under load, as the clients see it: two hubs (visitors and agents), how each side authenticates, and
/// the current address. The address changes when <c>--kill</c> restarts Crm.Web on a new port; every connection
/// (and every automatic reconnect) asks for it again.
/// </summary>
public abstract class ChatTarget : IAsyncDisposable
{
    private volatile Uri _baseAddress;

    protected ChatTarget(string name, Uri baseAddress, string visitorHubPath, string agentHubPath)
    {
        Name = name;
        _baseAddress = baseAddress;
        VisitorHubPath = visitorHubPath;
        AgentHubPath = agentHubPath;
    }

    public string Name { get; }
    public string VisitorHubPath { get; }
    public string AgentHubPath { get; }

    public Uri BaseAddress
    {
        get => _baseAddress;
        protected set => _baseAddress = value;
    }

    /// <summary>A new visitor's token (or null where the hub needs none).</summary>
    public abstract Task<string?> CreateVisitorAsync(int index);

    /// <summary>The cookies that sign agent connection <paramref name="index"/> in (or null where the hub needs none).</summary>
    public abstract Task<CookieContainer?> SignInAgentAsync(int index);

    /// <summary>Authenticates a WebSocket before it connects (the benchmark opens its own sockets to follow address changes).</summary>
    public static void Authorize(ClientWebSocketOptions options, string? visitorToken, CookieContainer? cookies)
    {
        if (visitorToken is not null) options.SetRequestHeader("Authorization", $"Bearer {visitorToken}");
        if (cookies is not null) options.Cookies = cookies;
    }

    public abstract ValueTask DisposeAsync();
}
