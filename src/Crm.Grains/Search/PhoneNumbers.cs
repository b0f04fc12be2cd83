namespace Crm.Grains.Search;

/// <summary>
/// Phone numbers reduced to digits so any common format matches: "+44 20 7946 0958", "0044 20 7946 0958",
/// "020-7946-0958" and "02079460958" all find the same customer. The index keeps every tail of the number (so the
/// national form and a typed end of the number match); a query in international form also tries itself without a
/// one- to three-digit country code.
/// </summary>
public static class PhoneNumbers
{
    private const int MinimumDigits = 3;

    /// <summary>The digits of a phone-like text without international or trunk prefixes ("+", "00", "0"); null when not phone-like.</summary>
    public static string? Digits(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '.' or ' ' or '/'))) return null;
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < MinimumDigits) return null;
        return digits.TrimStart('0') is { Length: >= MinimumDigits } significant ? significant : digits;
    }

    /// <summary>What the index keeps for one stored number: every tail of its digits of at least three digits.</summary>
    public static IReadOnlyList<string> IndexTerms(string phone)
    {
        if (Digits(phone) is not { } digits) return [];
        var terms = new List<string>();
        for (var start = 0; digits.Length - start >= MinimumDigits; start++) terms.Add(digits[start..]);
        return terms;
    }

    /// <summary>What a typed number is looked up as: its digits, and, written internationally, the same without a country code.</summary>
    public static IReadOnlyList<string> QueryTerms(string query)
    {
        if (Digits(query) is not { } digits) return [];
        var international = query.TrimStart().StartsWith('+') || query.TrimStart().StartsWith("00", StringComparison.Ordinal);
        if (!international || digits.Length < 8) return [digits];
        return [digits, digits[1..], digits[2..], digits[3..]];
    }
}
