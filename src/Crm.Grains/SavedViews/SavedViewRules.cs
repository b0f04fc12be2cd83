using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.SavedViews;

namespace Crm.Grains.SavedViews;

/// <summary>What a saved view may hold: a known list, a name, and filters, sort and columns within the limits.</summary>
public static class SavedViewRules
{
    public static string RequireList(string? list) =>
        SavedViewLists.IsKnown(list) ? list!
            : throw Invalid($"'{list}' is not a list with saved views; use {string.Join(", ", SavedViewLists.All)}.");

    public static string RequireName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw Invalid("A view needs a name.");
        if (trimmed.Length > SavedViewLists.MaxNameLength) throw Invalid($"A view's name is at most {SavedViewLists.MaxNameLength} characters.");
        return trimmed;
    }

    /// <summary>The view with a trimmed name and no empty filters; anything over a limit is refused with the limit named.</summary>
    public static SavedView Normalize(SavedView? view)
    {
        if (view is null) throw Invalid("Send the view: name, filters, sort and columns.");
        var filters = (view.Filters ?? new Dictionary<string, string>())
            .Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .ToDictionary(f => Short(f.Key, "A filter name"), f => Short(f.Value.Trim(), $"Filter '{f.Key}'"), StringComparer.Ordinal);
        if (filters.Count > SavedViewLists.MaxFilters) throw Invalid($"A view holds at most {SavedViewLists.MaxFilters} filters.");
        var columns = (view.Columns ?? []).Select(c => Short(c, "A column name")).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count > SavedViewLists.MaxColumns) throw Invalid($"A view shows at most {SavedViewLists.MaxColumns} columns.");
        var sort = string.IsNullOrWhiteSpace(view.Sort) ? null : Short(view.Sort.Trim(), "The sort");
        return new SavedView(RequireName(view.Name), filters, sort, columns);
    }

    private static string Short(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid($"{what} is empty.")
        : value.Length > SavedViewLists.MaxValueLength ? throw Invalid($"{what} is longer than {SavedViewLists.MaxValueLength} characters.")
        : value;

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
