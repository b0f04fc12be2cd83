using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Crm.Testing.Identity;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits, RFC 4226 truncation),
/// from the Base32 shared key the server hands out. Written here from the RFCs, so the test checks the server
/// against the standard rather than against its own code.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string sharedKey, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(sharedKey), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6");
    }

    /// <summary>
    /// The next step's code. The server accepts each code once (and none older than one it accepted), and allows two
    /// steps of clock drift: so a second sign-in right after a first uses this, as a phone 30 s ahead would.
    /// </summary>
    public static string NextCode(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30));

    /// <summary>A code that is certainly wrong now (a valid shape, from a step far outside the server's tolerance).</summary>
    public static string WrongCode(string sharedKey)
    {
        var now = Code(sharedKey);
        var candidate = Code(sharedKey, DateTimeOffset.UtcNow.AddHours(-1));
        return candidate != now ? candidate : ((int.Parse(now) + 1) % 1_000_000).ToString("D6");
    }

    private static byte[] Base32Decode(string key)
    {
        var text = key.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Base32Alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not Base32.");
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
