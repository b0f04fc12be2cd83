using System.Text.Json;

namespace Crm.Grains.Search;

/// <summary>Enum values as documents and filters carry them: the API's kebab-case ("web-form", "open").</summary>
public static class SearchValues
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Appends <paramref name="text"/> unless the field already holds <see cref="Abstractions.Search.SearchLimits.MaxTextCharacters"/>.</summary>
    public static IReadOnlyList<string> Append(IReadOnlyList<string> texts, string text) =>
        texts.Sum(t => t.Length) + text.Length > Abstractions.Search.SearchLimits.MaxTextCharacters ? texts : [.. texts, text];
}
