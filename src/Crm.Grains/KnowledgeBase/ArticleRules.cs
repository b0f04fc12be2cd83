using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.KnowledgeBase;

/// <summary>What an article's title, category, slug and body may be.</summary>
public static partial class ArticleRules
{
    public const int MaxTitleLength = 150;
    public const int MaxCategoryLength = 60;
    public const int MaxSlugLength = 80;
    public const int MaxBodyLength = 50_000;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,79})$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlugCharacters();

    public static string RequireTitle(string? title) => RequireText(title, MaxTitleLength, "An article needs a title");

    public static string RequireCategory(string? category) => RequireText(category, MaxCategoryLength, "An article needs a category");

    public static string RequireBody(string? body)
    {
        var trimmed = body?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxBodyLength
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"An article needs a body of 1–{MaxBodyLength} characters (Markdown).");
    }

    /// <summary>The slug given, or one made from the title ("How do I reset my password?" → "how-do-i-reset-my-password").</summary>
    public static string RequireSlug(string? slug, string title)
    {
        var candidate = string.IsNullOrWhiteSpace(slug) ? Slugify(title) : slug.Trim().ToLowerInvariant();
        return IsSlug(candidate)
            ? candidate
            : throw new DomainException(DomainErrorKind.Invalid, $"A slug is 1–{MaxSlugLength} characters of a–z, 0–9 or '-', starting with a letter or digit.");
    }

    public static bool IsSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public static string Slugify(string title)
    {
        var folded = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        var slug = NotSlugCharacters().Replace(folded.ToString(), "-").Trim('-');
        return slug.Length > MaxSlugLength ? slug[..MaxSlugLength].TrimEnd('-') : slug;
    }

    private static string RequireText(string? text, int max, string what)
    {
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length is > 0 && trimmed.Length <= max && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, $"{what} of 1–{max} characters on one line.");
    }
}
