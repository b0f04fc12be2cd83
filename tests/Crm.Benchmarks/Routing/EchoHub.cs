using Microsoft.AspNetCore.SignalR;

namespace Crm.Benchmarks.Routing;

/// <summary>The baseline's whole "router": an arrival is echoed at once to the watchers' group, stamped with the server's clock.</summary>
public sealed class EchoHub : Hub
{
    public const string Path = "/echo/board";
    public const string Assigned = "Assigned";
    private const string Watchers = "watchers";

    public Task Watch() => Groups.AddToGroupAsync(Context.ConnectionId, Watchers);

    public Task Enqueue(string conversationId) => Clients.Group(Watchers).SendAsync(Assigned, conversationId, DateTimeOffset.UtcNow);
}
