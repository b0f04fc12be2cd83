using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Registers every hub connection opened with a console session (ours, and the connection Blazor carries a circuit
/// on) in <see cref="LiveConnections"/>, so ending the session can abort it. A global filter rather than code in each
/// hub: hub bodies stay as they are, and Blazor's own hub is covered too. Visitors (widget) carry no session: skipped.
/// </summary>
public sealed class LiveConnectionHubFilter(LiveConnections live) : IHubFilter
{
    private const string RegistrationKey = "crm.live-connection";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        IDisposable? registration = null;
        if (caller.User?.FindFirstValue(CrmClaims.Session) is { } sessionId && WorkspaceUser.From(caller.User) is { } user)
        {
            // Blazor's hub is internal to ASP.NET Core: recognised by name. Its connection is aborted after the circuit
            // was asked to navigate away (see SessionTimings.CircuitGrace); ours at once.
            var kind = context.Hub.GetType().Name == "ComponentHub" ? LiveConnectionKind.CircuitTransport : LiveConnectionKind.Hub;
            registration = live.Register(new LiveConnection(
                caller.ConnectionId, user.UserId, user.WorkspaceId, sessionId, user.Role, kind, _ =>
                {
                    caller.Abort();
                    return Task.CompletedTask;
                }));
            caller.Items[RegistrationKey] = registration;
        }
        try
        {
            await next(context);
        }
        catch
        {
            registration?.Dispose();
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(RegistrationKey, out var item) && item is IDisposable registration) registration.Dispose();
        await next(context, exception);
    }
}
