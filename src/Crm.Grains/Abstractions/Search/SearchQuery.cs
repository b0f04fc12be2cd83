using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// A search in one workspace, as the asking user may see it. <see cref="Text"/> is plain words: no character has a
/// query-syntax meaning. <see cref="IncludeInternalNotes"/> and <see cref="IncludeDeals"/> are set by the edge from the
/// authorization matrix, never from the request; both default to false, so a query serialized before a flag existed
/// sees less, never more. Build it with <see cref="Create"/>, which cuts long text at <see cref="SearchLimits.MaxQueryLength"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.search.query")]
public sealed record SearchQuery(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string Text,
    [property: Id(2)] bool IncludeInternalNotes,
    [property: Id(3)] SearchKind? Kind = null,
    [property: Id(4)] string? Status = null,
    [property: Id(5)] string? AssigneeId = null,
    [property: Id(6)] string? Label = null,
    [property: Id(7)] string? Channel = null,
    [property: Id(8)] DateTimeOffset? From = null,
    [property: Id(9)] DateTimeOffset? To = null,
    [property: Id(10)] int Limit = SearchLimits.DefaultLimit,
    [property: Id(11)] bool WithFacets = false,
    [property: Id(12)] bool TextWasCut = false,
    [property: Id(13)] bool IncludeDeals = false)
{
    /// <summary>True when the query has filters but no text: the answer lists the newest matches.</summary>
    public bool HasFilters => Kind is not null || Status is not null || AssigneeId is not null || Label is not null || Channel is not null || From is not null || To is not null;

    public static SearchQuery Create(
        string workspaceId, string? text, bool includeInternalNotes, SearchKind? kind = null, string? status = null,
        string? assigneeId = null, string? label = null, string? channel = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, int? limit = null, bool withFacets = false, bool includeDeals = false)
    {
        Ids.Require(workspaceId, "workspace");
        if (limit is < 1 or > SearchLimits.MaxLimit)
            throw new DomainException(DomainErrorKind.Invalid, $"limit must be between 1 and {SearchLimits.MaxLimit}.");
        if (from is not null && to is not null && from > to)
            throw new DomainException(DomainErrorKind.Invalid, "from must not be after to.");
        var trimmed = (text ?? "").Trim();
        var cut = trimmed.Length > SearchLimits.MaxQueryLength;
        if (cut) trimmed = trimmed[..SearchLimits.MaxQueryLength];
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > SearchLimits.MaxQueryWords)
        {
            trimmed = string.Join(' ', words.Take(SearchLimits.MaxQueryWords));
            cut = true;
        }

        return new SearchQuery(workspaceId, trimmed, includeInternalNotes, kind, Normalize(status), Normalize(assigneeId),
            Normalize(label)?.ToLowerInvariant(), Normalize(channel), from, to, limit ?? SearchLimits.DefaultLimit, withFacets, cut, includeDeals);
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
