using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Crm.Web.Inbound;

/// <summary>Checks a presented integration key against the workspace's configured keys, in fixed time.</summary>
public sealed class IntegrationKeys(IOptionsMonitor<InboundOptions> options)
{
    /// <summary>Throws <see cref="UnauthorizedAccessException"/> (a 401 with the message) unless the key is one of the workspace's.</summary>
    public void Require(string workspaceId, string? presented)
    {
        if (string.IsNullOrEmpty(presented))
            throw new UnauthorizedAccessException($"The {InboundOptions.KeyHeader} header is required: the workspace's integration key.");
        // A workspace without keys answers exactly like a wrong key, so a caller cannot learn which workspaces have one.
        if (!Matches(presented, options.CurrentValue.SecretsFor(workspaceId)))
            throw new UnauthorizedAccessException($"The {InboundOptions.KeyHeader} header does not hold a valid integration key for this workspace.");
    }

    /// <summary>
    /// Compares hashes, so both sides have the same length and FixedTimeEquals runs in time independent of the secret;
    /// every configured key is compared (no early exit), so timing does not tell which one, or how many, matched.
    /// </summary>
    private static bool Matches(string presented, IReadOnlyList<string> secrets)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var secret in secrets)
            match |= CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        return match;
    }
}
