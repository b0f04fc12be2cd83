namespace Crm.Grains.Abstractions.Directory;

/// <summary>One page of a list and how many items the filter matches in all.</summary>
[GenerateSerializer, Immutable, Alias("crm.directory.list-page`1")]
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total);
