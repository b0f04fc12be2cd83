using System.Text.Json;
using Crm.Grains.Abstractions.Search;

namespace Crm.Grains.Search;

/// <summary>Enum values as documents and filters carry them: the API's kebab-case ("web-form", "open").</summary>
public static class SearchValues
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>
    /// Adds a message (or, <paramref name="isInternal"/>, a note) to the document's log, unless the log already holds
    /// <see cref="SearchLimits.MaxTextCharacters"/>: what a conversation says after that is not searchable.
    /// </summary>
    public static SearchDocument Append(SearchDocument document, string text, bool isInternal)
    {
        if (document.TextCharacters + text.Length > SearchLimits.MaxTextCharacters) return document;
        return isInternal
            ? document with { AppendedInternalTexts = [.. document.AppendedInternalTexts, text], TextCharacters = document.TextCharacters + text.Length }
            : document with { AppendedTexts = [.. document.AppendedTexts, text], TextCharacters = document.TextCharacters + text.Length };
    }
}
