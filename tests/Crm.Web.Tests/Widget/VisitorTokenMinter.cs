using Microsoft.AspNetCore.DataProtection;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// Signs visitor tokens with a running node's own data-protection key ring, exactly as Crm.Web's VisitorTokens does
/// (application "crm", purpose "crm.visitor-token.v1", time-limited, payload "workspace/customer"). This lets a
/// black-box test hold a genuine token whose expiry is in the past, without waiting 30 days or loading Crm.Web's
/// assembly. Every use pairs an expired token with a control minted the same way but still valid, which the node must
/// accept: if the format ever drifts, the control fails instead of the expired case passing for the wrong reason.
/// </summary>
public static class VisitorTokenMinter
{
    private const string ApplicationName = "crm";
    private const string Purpose = "crm.visitor-token.v1";

    public static string Mint(string keysPath, string workspaceId, string customerId, DateTimeOffset expiresAt)
    {
        if (!Directory.EnumerateFiles(keysPath, "key-*.xml").Any())
            throw new InvalidOperationException($"The node has no data-protection key in {keysPath} yet: create a session first.");
        var provider = DataProtectionProvider.Create(new DirectoryInfo(keysPath), builder => builder.SetApplicationName(ApplicationName));
        return provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect($"{workspaceId}/{customerId}", expiresAt);
    }
}
