namespace Crm.Grains.Imports.Kinds;

/// <summary>Header words to targets for a kind, each target suggested once (for its first column); folded as the customers' are.</summary>
public static class KindSuggestions
{
    public static IReadOnlyList<string> Suggest(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string> synonyms)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return headers.Select(header =>
            synonyms.TryGetValue(ColumnSuggestions.Fold(header), out var target) && taken.Add(target) ? target : ImportTargets.Ignore).ToList();
    }

    /// <summary>Null when every column maps to a target of the kind (or ignore), each once, with the required one present.</summary>
    public static string? Problem(IImportKind kind, IReadOnlyList<string> mapping, int columns)
    {
        if (mapping.Count != columns) return $"The mapping needs one target per column: {columns}, not {mapping.Count}.";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping[i] == ImportTargets.Ignore) continue;
            if (!kind.Fields.Contains(mapping[i]))
                return $"Column {i + 1}: '{mapping[i]}' is not a target of a {kind.Name} import; use {string.Join(", ", kind.Fields)} or ignore.";
            if (!seen.Add(mapping[i])) return $"'{mapping[i]}' is mapped from two columns; map it from one.";
        }
        return seen.Contains(kind.Required) ? null : $"Map a column to '{kind.Required}': every row of a {kind.Name} import needs one.";
    }
}
