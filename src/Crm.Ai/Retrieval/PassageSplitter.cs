using System.Text;
using System.Text.RegularExpressions;

namespace Crm.Ai.Retrieval;

/// <summary>
/// Cuts an article's Markdown into passages: one per paragraph or list, under its "##" heading, with short neighbours
/// merged so a passage says something on its own. The first passage is the title alone.
/// </summary>
public static partial class PassageSplitter
{
    private const int MinWords = 12;
    private const int MaxWords = 90;

    [GeneratedRegex(@"[*_`>#\[\]]")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTargets();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListMarker();

    public sealed record Piece(string Heading, string Text);

    public static IReadOnlyList<Piece> Split(string title, string markdown)
    {
        var pieces = new List<Piece> { new("", title) };
        var heading = "";
        var block = new StringBuilder();
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('#'))
            {
                Flush();
                heading = Plain(line.TrimStart('#'));
                continue;
            }
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            // A list is one passage: its items read together ("1. … 2. … 3. …").
            block.Append(block.Length > 0 ? " " : "").Append(Plain(ListMarker().Replace(line, "")));
            if (!line.EndsWith('.') && !line.EndsWith(':') && ListMarker().IsMatch(line)) block.Append('.');
        }
        Flush();
        return pieces;

        void Flush()
        {
            if (block.Length == 0) return;
            var text = block.ToString().Trim();
            block.Clear();
            var last = pieces[^1];
            // Merge a short piece into the previous one of the same section (never into the title).
            if (pieces.Count > 1 && last.Heading == heading && (Words(last.Text) < MinWords || Words(text) < MinWords)
                && Words(last.Text) + Words(text) <= MaxWords)
                pieces[^1] = last with { Text = last.Text + " " + text };
            else
                pieces.Add(new Piece(heading, text));
        }
    }

    /// <summary>The text as a reader sees it, without Markdown marks or link targets.</summary>
    public static string Plain(string markdown) => MarkdownMarks().Replace(LinkTargets().Replace(markdown, "]"), "").Trim();

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
