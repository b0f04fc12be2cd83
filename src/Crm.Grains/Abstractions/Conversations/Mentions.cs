using System.Text.RegularExpressions;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>@mentions in a note are agent ids ("@jo"); only teammates of the workspace count.</summary>
public static partial class Mentions
{
    [GeneratedRegex(@"(?<![\w@])@([a-z0-9][a-z0-9_-]{0,63})", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>The distinct teammates (by agent id) that <paramref name="body"/> mentions, in order of first mention.</summary>
    public static IReadOnlyList<string> Find(string body, IEnumerable<string> teammateIds)
    {
        var known = teammateIds.ToHashSet(StringComparer.Ordinal);
        return Pattern().Matches(body).Select(m => m.Groups[1].Value.ToLowerInvariant()).Where(known.Contains).Distinct().ToList();
    }
}
