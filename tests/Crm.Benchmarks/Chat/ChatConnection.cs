using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// Hub connections over WebSockets that the benchmark opens itself: every (re)connect dials the target's current
/// address, so automatic reconnect follows a restarted Crm.Web to its new port, with the same visitor token or cookie.
/// </summary>
public static class ChatConnection
{
    public static HubConnection Build(ChatTarget target, string hubPath, string? visitorToken, CookieContainer? cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(target.BaseAddress, hubPath), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.WebSocketFactory = async (_, cancellationToken) =>
                {
                    var socket = new ClientWebSocket();
                    ChatTarget.Authorize(socket.Options, visitorToken, cookies);
                    try
                    {
                        await socket.ConnectAsync(new Uri($"ws://{target.BaseAddress.Authority}{hubPath}"), cancellationToken);
                        return socket;
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
            })
            .WithAutomaticReconnect(new SteadyRetryPolicy())
            .Build();

    /// <summary>Retries every 250 ms for three minutes: long enough for a killed Crm.Web to come back.</summary>
    private sealed class SteadyRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime < TimeSpan.FromMinutes(3) ? TimeSpan.FromMilliseconds(250) : null;
    }
}
