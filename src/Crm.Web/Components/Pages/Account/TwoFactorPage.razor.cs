using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Account;

/// <summary>
/// Sets up, renews and turns off the user's two-factor sign-in. Reachable before it is on (signed in is enough):
/// a workspace that requires it sends its members here first, and <see cref="ReturnUrl"/> takes them on afterwards.
/// </summary>
public sealed partial class TwoFactorPage
{
    private WorkspaceUser? _user;
    private TwoFactorStatus? _status;
    private AuthenticatorSetup? _setup;
    private IReadOnlyList<string>? _recoveryCodes;
    private string? _code;
    private string? _error;

    [Inject] private TwoFactorService TwoFactor { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is not null) _status = await TwoFactor.GetStatusAsync(_user);
    }

    private Task BeginAsync() => RunAsync(async () => _setup = await TwoFactor.BeginSetupAsync(_user!));

    private Task ConfirmAsync() => RunAsync(async () =>
    {
        _recoveryCodes = (await TwoFactor.ConfirmSetupAsync(_user!, _code)).Codes;
        _setup = null;
    });

    private Task RegenerateAsync() => RunAsync(async () => _recoveryCodes = (await TwoFactor.RegenerateRecoveryCodesAsync(_user!, _code)).Codes);

    private Task DisableAsync() => RunAsync(() => TwoFactor.DisableAsync(_user!, _code));

    /// <summary>On to where the user was going (a local path only), or the inbox; a full load, so every page sees the change.</summary>
    private void Continue() =>
        Navigation.NavigateTo(ReturnUrl is { Length: > 1 } url && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            ? url
            : "inbox", forceLoad: true);

    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
            _code = null;
            _status = await TwoFactor.GetStatusAsync(_user!);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }
}
