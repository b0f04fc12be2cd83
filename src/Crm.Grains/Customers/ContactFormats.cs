using System.Text.RegularExpressions;

namespace Crm.Grains.Customers;

/// <summary>
/// The one definition of a well-formed email, phone and web address, used by customer fields, custom attributes and
/// the import's dry run alike. Each returns the normalized value or null when the input is not of that form.
/// </summary>
public static partial class ContactFormats
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>Trimmed; null unless it looks like local@domain.tld.</summary>
    public static string? Email(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 254 && EmailPattern().IsMatch(trimmed) ? trimmed : null;
    }

    /// <summary>The case-folded email duplicates are matched on.</summary>
    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The part after '@', case-folded.</summary>
    public static string EmailDomain(string email) => EmailKey(email)[(email.Trim().LastIndexOf('@') + 1)..];

    /// <summary>
    /// E.164 (+ and 8–15 digits): spaces, dots, dashes and brackets dropped, a leading 00 read as +. A number without its
    /// country code is refused rather than guessed, so two spellings of one number always normalize alike.
    /// </summary>
    public static string? Phone(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("00", StringComparison.Ordinal)) trimmed = "+" + trimmed[2..];
        if (!trimmed.StartsWith('+')) return null;
        var digits = new System.Text.StringBuilder("+");
        foreach (var c in trimmed.AsSpan(1))
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not (' ' or '.' or '-' or '(' or ')')) return null;
        }
        return digits.Length is >= 9 and <= 16 && digits[1] != '0' ? digits.ToString() : null;
    }

    /// <summary>An absolute http or https address.</summary>
    public static string? Url(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.ToString()
            : null;
}
