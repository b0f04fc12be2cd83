namespace Crm.Grains.Abstractions.Search;

[GenerateSerializer, Immutable, Alias("crm.search.rebuild-status")]
public sealed record SearchRebuildStatus(
    [property: Id(0)] bool Running,
    [property: Id(1)] long DocumentsWritten,
    [property: Id(2)] DateTimeOffset? LastCompletedAt,
    [property: Id(3)] string? LastError);
