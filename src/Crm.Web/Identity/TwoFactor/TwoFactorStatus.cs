namespace Crm.Web.Identity.TwoFactor;

/// <summary>The signed-in user's two-factor sign-in: on or off, recovery codes left, and whether the workspace requires it.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool RequiredByWorkspace);
