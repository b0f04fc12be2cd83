using System.Security.Cryptography;
using Crm.Grains.Abstractions.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Crm.Web.Visitors;

/// <summary>
/// Signed, expiring visitor tokens bound to one workspace and one customer. They are protected with the app's
/// data-protection keys (shared by web nodes through the data folder), so a forged, altered or expired token, or one
/// from another installation, fails to unprotect.
/// </summary>
public sealed class VisitorTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("crm.visitor-token.v1").ToTimeLimitedDataProtector();

    public string Issue(Visitor visitor) =>
        _protector.Protect($"{visitor.WorkspaceId}/{visitor.CustomerId}", clock.GetUtcNow() + Lifetime);

    /// <summary>The visitor the token was issued to, or null when it is forged, altered or expired.</summary>
    public Visitor? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000) return null;
        try
        {
            var payload = _protector.Unprotect(token, out var expires);
            if (expires < clock.GetUtcNow()) return null;
            var (workspaceId, customerId) = GrainKeys.Parse(payload);
            return Ids.IsValid(workspaceId) && Ids.IsValid(customerId) ? new Visitor(workspaceId, customerId) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
