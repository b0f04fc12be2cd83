using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Customers;

namespace Crm.Grains.Directory;

/// <summary>
/// When two contacts look like one person, and how sure that is: the same email, case-folded (100); the same phone in
/// E.164 (90); a similar name (≥ 0.85 by Jaro-Winkler over case-folded letters) at the same company (80) or the same
/// email domain (70), free-mail domains aside. Plain, so it tests without a cluster and the import uses it as is.
/// </summary>
public static class DuplicateRules
{
    public const double NameThreshold = 0.85;

    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
        "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.ru",
    };

    /// <summary>The keys a contact is indexed under; null parts are absent.</summary>
    public static (string? Email, string? Phone, string? Domain, string Name) Keys(string name, string? email, string? phone)
    {
        var emailKey = email is null ? null : ContactFormats.EmailKey(email);
        var domain = emailKey is null || !emailKey.Contains('@') ? null : ContactFormats.EmailDomain(emailKey);
        return (emailKey, phone is null ? null : ContactFormats.Phone(phone), domain is null || FreeMail.Contains(domain) ? null : domain, NameKey(name));
    }

    /// <summary>The score and reasons <paramref name="candidate"/> matches <paramref name="probe"/> with, or null when it does not.</summary>
    public static DuplicateMatch? Match(DuplicateProbe probe, string candidateId, string candidateName, string? candidateEmail, string? candidatePhone, string? candidateCompanyId)
    {
        var a = Keys(probe.Name, probe.Email, probe.Phone);
        var b = Keys(candidateName, candidateEmail, candidatePhone);
        var reasons = new List<string>();
        var score = 0;
        if (a.Email is not null && a.Email == b.Email)
        {
            score = 100;
            reasons.Add($"same email {b.Email}");
        }
        if (a.Phone is not null && a.Phone == b.Phone)
        {
            score = Math.Max(score, 90);
            reasons.Add($"same phone {b.Phone}");
        }
        var similarity = a.Name.Length > 0 && b.Name.Length > 0 ? JaroWinkler(a.Name, b.Name) : 0;
        if (similarity >= NameThreshold)
        {
            if (probe.CompanyId is not null && probe.CompanyId == candidateCompanyId)
            {
                score = Math.Max(score, 80);
                reasons.Add($"similar name ({similarity:0.00}) at the same company");
            }
            else if (a.Domain is not null && a.Domain == b.Domain)
            {
                score = Math.Max(score, 70);
                reasons.Add($"similar name ({similarity:0.00}) with the same email domain {b.Domain}");
            }
        }
        return score == 0 ? null : new DuplicateMatch(candidateId, candidateName, candidateEmail, score, reasons);
    }

    /// <summary>Letters and digits only, case-folded, words sorted: "Lovelace, Ada" and "ada lovelace" compare equal.</summary>
    public static string NameKey(string name) =>
        string.Join(' ', name.ToLowerInvariant()
            .Split([' ', ',', '.', '-', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Order(StringComparer.Ordinal));

    public static double JaroWinkler(string s, string t)
    {
        if (s == t) return 1;
        var range = Math.Max(0, Math.Max(s.Length, t.Length) / 2 - 1);
        var sMatched = new bool[s.Length];
        var tMatched = new bool[t.Length];
        var matches = 0;
        for (var i = 0; i < s.Length; i++)
        {
            for (var j = Math.Max(0, i - range); j < Math.Min(t.Length, i + range + 1); j++)
            {
                if (tMatched[j] || s[i] != t[j]) continue;
                sMatched[i] = tMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < s.Length; i++)
        {
            if (!sMatched[i]) continue;
            while (!tMatched[k]) k++;
            if (s[i] != t[k]) transpositions++;
            k++;
        }
        double m = matches;
        var jaro = (m / s.Length + m / t.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(s.Length, t.Length)) && s[prefix] == t[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
