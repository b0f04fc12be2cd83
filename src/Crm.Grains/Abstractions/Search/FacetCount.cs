namespace Crm.Grains.Abstractions.Search;

[GenerateSerializer, Immutable, Alias("crm.search.facet-count")]
public sealed record FacetCount([property: Id(0)] string Value, [property: Id(1)] int Count);
