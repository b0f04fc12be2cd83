namespace Crm.Grains.Search;

/// <summary>
/// An address kept whole and from each of its parts onwards ("zoe.smith@example.com", "smith@example.com",
/// "example.com", "com"), so typing any fragment that starts at a part ("smith@exa", "example.c") finds it by prefix.
/// </summary>
public static class EmailFragments
{
    public static IReadOnlyList<string> IndexTerms(string email)
    {
        var folded = SearchText.Fold(email.Trim());
        var terms = new List<string> { folded };
        for (var i = 0; i < folded.Length - 1; i++)
        {
            if (!char.IsLetterOrDigit(folded[i]) && char.IsLetterOrDigit(folded[i + 1])) terms.Add(folded[(i + 1)..]);
        }

        return terms.Distinct().ToList();
    }

    /// <summary>A typed fragment worth looking up among addresses: a word with '@' or '.' or '-' or '_' inside.</summary>
    public static string? QueryTerm(string token)
    {
        var folded = SearchText.Fold(token.Trim().TrimEnd('.', ','));
        return folded.Length >= 2 && folded.Any(c => c is '@' or '.' or '-' or '_') && folded.Any(char.IsLetterOrDigit) ? folded : null;
    }
}
