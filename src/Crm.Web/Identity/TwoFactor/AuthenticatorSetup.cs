namespace Crm.Web.Identity.TwoFactor;

/// <summary>
/// What an authenticator app needs: the shared key (Base32, grouped for typing) and the otpauth:// URI (for a QR code or
/// a tap on a phone). Shown once, while setting up; confirming with a code turns two-factor sign-in on.
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);
