namespace Crm.Grains.KnowledgeBase;

/// <summary>
/// An article written as a Markdown file with a small front matter ("title:" and "category:" between "---" lines), the
/// slug being the file name: how demo articles are kept, and how the ai-eval benchmark reads the same ones.
/// </summary>
public sealed record ArticleSource(string Slug, string Title, string Category, string Body)
{
    public static ArticleSource Parse(string slug, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 3 || lines[0] != "---")
            throw new FormatException($"Article '{slug}' must start with a '---' front matter.");
        var end = Array.IndexOf(lines, "---", 1);
        if (end < 0) throw new FormatException($"Article '{slug}' has no closing '---'.");
        var fields = lines[1..end].Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return new ArticleSource(slug, Field("title"), Field("category"), string.Join('\n', lines[(end + 1)..]).Trim());

        string Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Article '{slug}' has no '{name}:' in its front matter.");
    }
}
