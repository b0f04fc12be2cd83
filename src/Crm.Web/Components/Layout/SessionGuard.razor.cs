using System.Security.Claims;
using Crm.Web.Identity;
using Crm.Web.Identity.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Layout;

/// <summary>
/// Registers this console circuit under its session, so ending the session (sign-out elsewhere, an admin, a
/// deactivation) sends this tab to the login page, and a role change reloads it with the new role. Renders nothing.
/// The circuit's connection itself is tracked (and aborted after a grace) by <see cref="LiveConnectionHubFilter"/>.
/// </summary>
public sealed partial class SessionGuard : IDisposable
{
    private IDisposable? _registration;

    [Inject] private LiveConnections Live { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var principal = (await AuthenticationState).User;
        if (WorkspaceUser.From(principal) is not { } user || principal.FindFirstValue(CrmClaims.Session) is not { } sessionId) return;
        _registration = Live.Register(new LiveConnection(
            $"circuit-{Guid.NewGuid():N}", user.UserId, user.WorkspaceId, sessionId, user.Role, LiveConnectionKind.Circuit, LeaveAsync));
    }

    private Task LeaveAsync(LiveConnectionEnd end) => InvokeAsync(() => Navigation.NavigateTo(
        end == LiveConnectionEnd.SessionEnded ? IdentityExtensions.LoginPath : Navigation.Uri, forceLoad: true));

    public void Dispose() => _registration?.Dispose();
}
