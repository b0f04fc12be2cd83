namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// One result: what it is, its title and a snippet with the matched words marked, and the facts the console shows
/// beside it. <see cref="SnippetSource"/> says where the snippet came from ("message", "note", "email", "phone", "name").
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.search.hit")]
public sealed record SearchHit(
    [property: Id(0)] SearchKind Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] IReadOnlyList<HighlightSegment> Title,
    [property: Id(3)] IReadOnlyList<HighlightSegment> Snippet,
    [property: Id(4)] string? SnippetSource,
    [property: Id(5)] string? Subtitle,
    [property: Id(6)] string? Status,
    [property: Id(7)] string? Channel,
    [property: Id(8)] string? AssigneeName,
    [property: Id(9)] IReadOnlyList<string> Labels,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] double Score)
{
    public string TitleText => string.Concat(Title.Select(s => s.Text));
}
