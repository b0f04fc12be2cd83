using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Services.Bulk;

/// <summary>
/// Which records a bulk action touches: the ids picked on the page, or every record matching the list's filter
/// (<see cref="AllMatching"/>), at most <see cref="MaxIds"/> a call either way.
/// </summary>
public sealed record BulkSelection(IReadOnlyList<string>? Ids, IReadOnlyDictionary<string, string>? Filter, bool AllMatching)
{
    /// <summary>One call's worth: long enough for a page of "select all", short enough to answer within a request.</summary>
    public const int MaxIds = 500;

    /// <summary>The picked ids, once each; refused when none or too many are picked, or when ids and "all matching" are both sent.</summary>
    public IReadOnlyList<string> PickedIds()
    {
        var ids = (Ids ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) throw Invalid("Pick the records: send ids, or allMatching: true with the list's filter.");
        if (ids.Count > MaxIds) throw Invalid($"At most {MaxIds} ids per call; send the rest in another call.");
        return ids;
    }

    /// <summary>The ids to act on and how many the selection named: the picked ids, or the first <see cref="MaxIds"/> matching.</summary>
    public async Task<(IReadOnlyList<string> Ids, int Matched)> ResolveAsync(string[] filters, Func<Task<(IReadOnlyList<string> Ids, int Total)>> matching)
    {
        if (!AllMatching)
        {
            var ids = PickedIds();
            return (ids, ids.Count);
        }
        RequireFilters(filters);
        var (found, total) = await matching();
        return (found.Take(MaxIds).ToList(), total);
    }

    public string? FilterValue(string name) =>
        Filter is not null && Filter.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// For "all matching": refuses picked ids beside it, and filter names the list does not have, so a typo never
    /// widens "all matching" to everything.
    /// </summary>
    public void RequireFilters(params string[] known)
    {
        if (Ids is { Count: > 0 }) throw Invalid("Send either ids or allMatching with a filter, not both.");
        var unknown = (Filter?.Keys ?? []).Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0) throw Invalid($"Unknown filter{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}; use {string.Join(", ", known)}.");
    }

    public static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
