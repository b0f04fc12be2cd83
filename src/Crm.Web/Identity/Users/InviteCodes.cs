using System.Text;
using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Crm.Web.Identity.Users;

/// <summary>One opaque, URL-safe code carries the user id and the token, so an invitation link has a single parameter.</summary>
public static class InviteCodes
{
    public const int MaxLength = 2048;
    private const string InvalidMessage = "This invitation link is not valid or has expired: ask your admin for a new one.";

    public static string Encode(string userId, string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{userId}:{token}"));

    public static (string UserId, string Token) Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxLength) throw Invalid();
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
            var colon = text.IndexOf(':');
            return colon > 0 && colon < text.Length - 1 ? (text[..colon], text[(colon + 1)..]) : throw Invalid();
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    public static DomainException Invalid() => new(DomainErrorKind.Invalid, InvalidMessage);
}
