using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Identity.TwoFactor;

/// <summary>The shapes of the codes people type: checked before any is tried, so a typo is a clear 400, not a failed attempt.</summary>
public static class TwoFactorCodes
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The 6 digits an authenticator app shows; spaces and dashes people type along are dropped.</summary>
    public static string RequireAuthenticatorCode(string? code)
    {
        var digits = Strip(code);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new DomainException(DomainErrorKind.Invalid, "An authenticator code is the 6 digits your app shows.");
    }

    /// <summary>A recovery code as issued (e.g. "7KQ2M-XW3PB"): upper case, spaces dropped.</summary>
    public static string RequireRecoveryCode(string? code)
    {
        var text = (code ?? "").Replace(" ", "").Trim().ToUpperInvariant();
        return text.Length is > 0 and <= 32 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? text
            : throw new DomainException(DomainErrorKind.Invalid, "A recovery code is letters and digits like 7KQ2M-XW3PB.");
    }

    /// <summary>Whether the text looks like an authenticator code rather than a recovery code (the login page takes either).</summary>
    public static bool LooksLikeAuthenticatorCode(string? code) => Strip(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit);

    private static string Strip(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();
}
