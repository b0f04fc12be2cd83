using System.Text.RegularExpressions;

namespace Crm.Web.Services;

/// <summary>@mentions in a note are agent ids ("@jo"); only teammates of the workspace count.</summary>
public static partial class Mentions
{
    [GeneratedRegex(@"(?<![\w@])@([a-z0-9][a-z0-9_-]{0,63})", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static IReadOnlyList<string> Find(string body, IEnumerable<AgentSummary> teammates)
    {
        var known = teammates.Select(t => t.AgentId).ToHashSet(StringComparer.Ordinal);
        return Pattern().Matches(body).Select(m => m.Groups[1].Value.ToLowerInvariant()).Where(known.Contains).Distinct().ToList();
    }
}
