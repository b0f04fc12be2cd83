namespace Crm.Grains.Search;

/// <summary>
/// An address kept whole and from each of its parts onwards ("zoe.smith@example.com", "smith@example.com",
/// "example.com"), so typing any fragment that starts at a part ("smith@exa", "example.c") finds it by prefix. Not from
/// its top-level domain ("com", "co.uk"): half of all addresses share one, so "co" typed as the start of a name matched
/// nearly every customer, and a search had to score them all.
/// </summary>
public static class EmailFragments
{
    public static IReadOnlyList<string> IndexTerms(string email)
    {
        var folded = SearchText.Fold(email.Trim());
        var terms = new List<string> { folded };
        var domain = folded.LastIndexOf('@');
        for (var i = 0; i < folded.Length - 1; i++)
        {
            if (char.IsLetterOrDigit(folded[i]) || !char.IsLetterOrDigit(folded[i + 1])) continue;
            var fragment = folded[(i + 1)..];
            if (i > domain && domain >= 0 && IsTopLevel(fragment)) break;
            terms.Add(fragment);
        }

        return terms.Distinct().ToList();
    }

    /// <summary>"com", "uk", and a country's second level under it ("co.uk", "com.au", "ac.jp").</summary>
    private static bool IsTopLevel(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length == 1 || (labels.Length == 2 && labels[0].Length <= 3 && labels[1].Length == 2);
    }

    /// <summary>A typed fragment worth looking up among addresses: a word with '@' or '.' or '-' or '_' inside.</summary>
    public static string? QueryTerm(string token)
    {
        var folded = SearchText.Fold(token.Trim().TrimEnd('.', ','));
        return folded.Length >= 2 && folded.Any(c => c is '@' or '.' or '-' or '_') && folded.Any(char.IsLetterOrDigit) ? folded : null;
    }
}
