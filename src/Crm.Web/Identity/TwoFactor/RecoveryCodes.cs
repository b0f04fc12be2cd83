namespace Crm.Web.Identity.TwoFactor;

/// <summary>Fresh recovery codes, shown once: each signs in once in place of an authenticator code.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);
