using Crm.Grains.Abstractions.Errors;
using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity.Users;

/// <summary>
/// Identity's normalizer (Unicode normalization form C, then upper case), refusing text that is not well-formed
/// Unicode as a 400 instead of the <see cref="ArgumentException"/> that <see cref="string.Normalize()"/> throws on a lone
/// surrogate or a noncharacter. Every email and user name lookup (sign-in, invitations) goes through it.
/// </summary>
public sealed class CrmLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name, "name");

    public string? NormalizeEmail(string? email) => Normalize(email, "email address");

    private static string? Normalize(string? key, string what)
    {
        if (key is null) return null;
        try
        {
            return key.Normalize().ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            throw new DomainException(DomainErrorKind.Invalid, $"The {what} contains characters that are not valid text.");
        }
    }
}
