namespace Crm.Grains.Abstractions.Search;

/// <summary>A run of text, marked when it matched a word of the query. Clients render it as text, never as HTML.</summary>
[GenerateSerializer, Immutable, Alias("crm.search.highlight-segment")]
public sealed record HighlightSegment([property: Id(0)] string Text, [property: Id(1)] bool Match);
