using System.ComponentModel.DataAnnotations;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Identity.TwoFactor;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Crm.Web.Components.Pages.Account;

/// <summary>
/// The console's sign-in, static server rendering (it sets cookies). Two steps for a user with two-factor sign-in:
/// the password post answers with the code form (Identity keeps who is signing in in a 5-minute cookie), and the code
/// post finishes. The code field takes an authenticator code or a recovery code. Both forms carry antiforgery tokens.
/// </summary>
public sealed partial class LoginPage
{
    private const string TwoFactorForm = "two-factor";
    private const string LockedOut = "Too many failed attempts: this account is locked for a few minutes.";

    private enum Step
    {
        Password,
        TwoFactor,
    }

    private Step _step;
    private string? _error;

    [Inject] private SignInManager<CrmUser> SignIn { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    [SupplyParameterFromForm(FormName = TwoFactorForm)]
    private CodeInput? Code { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new LoginInput();
        Code ??= new CodeInput();
        // A code post that fails validation must show the code form again, not the password form.
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType
            && HttpContext.Request.Form["_handler"] == TwoFactorForm)
            _step = Step.TwoFactor;
    }

    private async Task SignInAsync()
    {
        SignInResult result;
        try
        {
            result = await SignIn.PasswordSignInAsync(Input!.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        }
        catch (DomainException e)
        {
            _error = e.Message; // An email that is not valid text.
            return;
        }
        if (result.RequiresTwoFactor)
        {
            _step = Step.TwoFactor;
            return;
        }
        // Locked or not, known or not: one answer, so the page never tells whether the email has an account.
        Finish(result.IsLockedOut ? SignInResult.Failed : result, CrmSignInManager.PasswordRefusedMessage);
    }

    private async Task VerifyAsync()
    {
        _step = Step.TwoFactor;
        if (await SignIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            _step = Step.Password;
            _error = "That took too long: sign in with your password again.";
            return;
        }
        var code = Code!.Value.Trim();
        var authenticator = TwoFactorCodes.LooksLikeAuthenticatorCode(code);
        var result = authenticator
            ? await SignIn.TwoFactorAuthenticatorSignInAsync(code.Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false)
            : await SignIn.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", "").ToUpperInvariant());
        Finish(result, authenticator ? "That code is not right." : "That recovery code is not right or was already used.");
    }

    private void Finish(SignInResult result, string wrong)
    {
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalOrStart(ReturnUrl), forceLoad: true);
            return;
        }
        _error = result.IsLockedOut ? LockedOut : result.IsNotAllowed ? CrmSignInManager.NotAllowedMessage : wrong;
    }

    /// <summary>Only a path on this site: a crafted returnUrl must not send a signed-in user elsewhere.</summary>
    private static string LocalOrStart(string? url) =>
        url is { Length: > 0 } && Uri.TryCreate(url, UriKind.Relative, out _) && !url.StartsWith("//") && !url.StartsWith("/\\")
            ? url.TrimStart('/')
            : "";

    private sealed class LoginInput
    {
        [Required, EmailAddress] public string Email { get; set; } = "";
        [Required] public string Password { get; set; } = "";
    }

    private sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code."), StringLength(32)] public string Value { get; set; } = "";
    }
}
