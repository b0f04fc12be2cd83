using System.Security.Cryptography;
using System.Text;

namespace Crm.Web.Inbound;

/// <summary>
/// Ids derived from what the gateway sends, never random: a retry of the same message maps to the same customer,
/// conversation and client message id, so it writes nothing new and returns the original. Each kind hashes with its
/// own prefix, so the derivations never coincide.
/// </summary>
public static class InboundIds
{
    /// <summary>"e" + 24 hex digits of SHA-256 of the lowercased address: one customer per address.</summary>
    public static string CustomerId(string email) => "e" + Hex("customer:" + email.Trim().ToLowerInvariant())[..24];

    /// <summary>"m" + 24 hex digits: the conversation a new (unthreaded) message opens.</summary>
    public static string ConversationId(string messageId) => "m" + Hex("conversation:" + messageId)[..24];

    /// <summary>The first 16 bytes of SHA-256, as the message's client message id (the conversation's resend key).</summary>
    public static Guid ClientMessageId(string messageId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("message:" + messageId)).AsSpan(0, 16));

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
