using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity.TwoFactor;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as Identity's own provider checks them, with
/// the same tolerance of two steps either way for clock drift, and one addition RFC 6238 §5.2 asks for: a code is
/// accepted once. The last accepted step is stored with the user, so a code seen over a shoulder or replayed from a
/// log cannot sign in again, nor can any older one. The write goes through the user's concurrency stamp, so two
/// requests racing with the same code cannot both win.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<CrmUser>
{
    public const string ProviderName = "CrmAuthenticator";
    private const string StoreName = "[Crm]";
    private const string LastStepToken = "AuthenticatorLastStep";
    private const int StepSeconds = 30;
    private const int Tolerance = 2;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public Task<string> GenerateAsync(string purpose, UserManager<CrmUser> manager, CrmUser user) =>
        Task.FromResult(""); // The app generates codes; the server only checks them.

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<CrmUser> manager, CrmUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<CrmUser> manager, CrmUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, StoreName, LastStepToken), out var stored) ? stored : long.MinValue;
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var secret = Base32Decode(key);
        for (var step = now - Tolerance; step <= now + Tolerance; step++)
        {
            if (step <= last || Compute(secret, step) != code) continue;
            return (await manager.SetAuthenticationTokenAsync(user, StoreName, LastStepToken, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
        }
        return false;
    }

    /// <summary>After a new key: its codes owe nothing to the old key's, so none of them counts as used.</summary>
    public static Task<IdentityResult> ForgetUsedCodesAsync(UserManager<CrmUser> manager, CrmUser user) =>
        manager.RemoveAuthenticationTokenAsync(user, StoreName, LastStepToken);

    private static int Compute(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>RFC 4648 Base32, the form Identity stores authenticator keys in.</summary>
    private static byte[] Base32Decode(string key)
    {
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('=').ToUpperInvariant())
        {
            var value = Base32Alphabet.IndexOf(c);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
