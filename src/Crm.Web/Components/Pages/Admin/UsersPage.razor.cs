using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Identity.Sessions;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Pages.Admin;

/// <summary>The workspace's members for its admins: invite, change roles, deactivate, reset two-factor, end sessions.</summary>
public sealed partial class UsersPage
{
    private WorkspaceUser? _admin;
    private IReadOnlyList<UserDetails> _users = [];
    private UserDetails? _sessionsOf;
    private IReadOnlyList<SessionDetails> _sessions = [];
    private string? _email, _name, _error, _inviteLink;
    private string _role = Roles.Agent;

    [Inject] private UserAdministration Users { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _admin = WorkspaceUser.From((await AuthenticationState).User);
        if (_admin is not null) _users = await Users.ListAsync(_admin);
    }

    private Task InviteAsync() => RunAsync(async admin =>
    {
        var invitation = await Users.InviteAsync(admin, new InviteUser(_email, _name, _role));
        _inviteLink = Navigation.BaseUri + invitation.AcceptPath;
        (_email, _name) = (null, null);
    });

    private Task ReinviteAsync(UserDetails user) => RunAsync(async admin =>
        _inviteLink = Navigation.BaseUri + (await Users.ReinviteAsync(admin, user.UserId)).AcceptPath);

    private Task ChangeRoleAsync(UserDetails user, string role) => RunAsync(admin => Users.ChangeRoleAsync(admin, user.UserId, role));

    private async Task ShowSessionsAsync(UserDetails user)
    {
        _sessionsOf = user;
        await RunAsync(async admin => _sessions = await Users.ListSessionsAsync(admin, user.UserId));
    }

    private Task EndSessionAsync(SessionDetails session) => RunAsync(async admin =>
    {
        await Users.EndSessionAsync(admin, _sessionsOf!.UserId, session.SessionId);
        _sessions = await Users.ListSessionsAsync(admin, _sessionsOf.UserId);
    });

    /// <summary>Runs an admin action, shows its refusal if any, and reloads the list either way (it may have changed).</summary>
    private async Task RunAsync(Func<WorkspaceUser, Task> action)
    {
        _error = null;
        try
        {
            await action(_admin!);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        _users = await Users.ListAsync(_admin!);
    }

    private static Color StatusColor(UserStatus status) => status switch
    {
        UserStatus.Active => Color.Success,
        UserStatus.Invited => Color.Info,
        _ => Color.Default,
    };
}
