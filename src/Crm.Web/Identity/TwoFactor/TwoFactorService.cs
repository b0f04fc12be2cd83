using System.Text;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity.TwoFactor;

/// <summary>
/// A user's own two-factor sign-in (TOTP authenticator apps, RFC 6238, with recovery codes): set up, confirm, new
/// recovery codes, turn off. Changing anything but the set-up asks for a current code, so a borrowed session alone
/// cannot weaken the account; a wrong code counts towards the lockout like a wrong password. One scope per call:
/// console pages (long-lived circuits) and the API share it without a stale identity context.
/// </summary>
public sealed class TwoFactorService(IServiceScopeFactory scopes, WorkspaceSecurity workspaces, UserAccessCache access)
{
    private const string Issuer = "Crm";

    public async Task<TwoFactorStatus> GetStatusAsync(WorkspaceUser user)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, account) = await LoadAsync(scope, user);
        return new TwoFactorStatus(account.TwoFactorEnabled, account.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(account) : 0,
            await workspaces.RequiresTwoFactorAsync(user.WorkspaceId));
    }

    /// <summary>A new shared key for an authenticator app; any earlier unconfirmed key stops working. Refused while it is on.</summary>
    public async Task<AuthenticatorSetup> BeginSetupAsync(WorkspaceUser user)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, account) = await LoadAsync(scope, user);
        if (account.TwoFactorEnabled)
            throw new DomainException(DomainErrorKind.Conflict, "Two-factor sign-in is already on: turn it off first to move to another device.");
        Check(await users.ResetAuthenticatorKeyAsync(account));
        Check(await OneTimeAuthenticatorTokenProvider.ForgetUsedCodesAsync(users, account));
        var key = await users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("No authenticator key after reset.");
        var label = Uri.EscapeDataString($"{Issuer}:{account.Email}");
        return new AuthenticatorSetup(Group(key), $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
    }

    /// <summary>Turns two-factor sign-in on once <paramref name="code"/> proves the app has the key; returns the first recovery codes.</summary>
    public async Task<RecoveryCodes> ConfirmSetupAsync(WorkspaceUser user, string? code)
    {
        var digits = TwoFactorCodes.RequireAuthenticatorCode(code);
        await using var scope = scopes.CreateAsyncScope();
        var (users, account) = await LoadAsync(scope, user);
        if (account.TwoFactorEnabled)
            throw new DomainException(DomainErrorKind.Conflict, "Two-factor sign-in is already on.");
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(account)))
            throw new DomainException(DomainErrorKind.Conflict, "Start the set-up first: it gives your app the key this code comes from.");
        await RequireValidCodeAsync(users, account, digits);
        Check(await users.SetTwoFactorEnabledAsync(account, true));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, TwoFactorCodes.RecoveryCodeCount);
        access.Forget(account.Id);
        return new RecoveryCodes([.. codes ?? []]);
    }

    /// <summary>New recovery codes (the old ones stop working), with a current authenticator code.</summary>
    public async Task<RecoveryCodes> RegenerateRecoveryCodesAsync(WorkspaceUser user, string? code)
    {
        var digits = TwoFactorCodes.RequireAuthenticatorCode(code);
        await using var scope = scopes.CreateAsyncScope();
        var (users, account) = await LoadAsync(scope, user);
        if (!account.TwoFactorEnabled)
            throw new DomainException(DomainErrorKind.Conflict, "Two-factor sign-in is off: there are no recovery codes to replace.");
        await RequireValidCodeAsync(users, account, digits);
        return new RecoveryCodes([.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, TwoFactorCodes.RecoveryCodeCount) ?? []]);
    }

    /// <summary>Turns two-factor sign-in off, with a current code; refused while the workspace requires it.</summary>
    public async Task DisableAsync(WorkspaceUser user, string? code)
    {
        var digits = TwoFactorCodes.RequireAuthenticatorCode(code);
        if (await workspaces.RequiresTwoFactorAsync(user.WorkspaceId))
            throw new DomainException(DomainErrorKind.Conflict, "Your workspace requires two-factor sign-in: it cannot be turned off.");
        await using var scope = scopes.CreateAsyncScope();
        var (users, account) = await LoadAsync(scope, user);
        if (!account.TwoFactorEnabled)
            throw new DomainException(DomainErrorKind.Conflict, "Two-factor sign-in is already off.");
        await RequireValidCodeAsync(users, account, digits);
        await TurnOffAsync(users, account);
        access.Forget(account.Id);
    }

    /// <summary>Off, with a new (unused) key and no recovery codes: what an admin's reset and the user's own turn-off leave.</summary>
    public static async Task TurnOffAsync(UserManager<CrmUser> users, CrmUser account)
    {
        Check(await users.SetTwoFactorEnabledAsync(account, false));
        Check(await users.ResetAuthenticatorKeyAsync(account));
        Check(await OneTimeAuthenticatorTokenProvider.ForgetUsedCodesAsync(users, account));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
    }

    private static async Task RequireValidCodeAsync(UserManager<CrmUser> users, CrmUser account, string digits)
    {
        if (await users.IsLockedOutAsync(account))
            throw new DomainException(DomainErrorKind.Conflict, "Too many wrong codes: try again in a few minutes.");
        if (await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, digits)) return;
        await users.AccessFailedAsync(account);
        throw new DomainException(DomainErrorKind.Invalid, "That code is not right: enter the current code from your app (and check the device's clock).");
    }

    private static async Task<(UserManager<CrmUser> Users, CrmUser Account)> LoadAsync(AsyncServiceScope scope, WorkspaceUser user)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var account = await users.FindByIdAsync(user.UserId);
        return account is not null && account.WorkspaceId == user.WorkspaceId
            ? (users, account)
            : throw new DomainException(DomainErrorKind.NotFound, "Your account no longer exists.");
    }

    /// <summary>"ABCD EFGH …": the key in groups of four, as authenticator apps show and accept it.</summary>
    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return grouped.ToString().ToLowerInvariant();
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(DomainErrorKind.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
