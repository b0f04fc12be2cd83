namespace Crm.Grains.Abstractions.Imports;

/// <summary>
/// An import as its user sees it. <paramref name="Columns"/> are the header's cells; <paramref name="SuggestedMapping"/>
/// one target per column; <paramref name="Preview"/> the first rows; <paramref name="Notes"/> how the file was read
/// (delimiter, BOM, Latin-1 fallback). <paramref name="Report"/> grows batch by batch while it runs.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.imports.import-details")]
public sealed record ImportDetails(
    string ImportId,
    string Kind,
    string FileName,
    ImportStatus Status,
    string Delimiter,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> SuggestedMapping,
    IReadOnlyList<IReadOnlyList<string>> Preview,
    IReadOnlyList<string> Notes,
    long TotalRows,
    IReadOnlyList<string>? Mapping,
    DuplicateMode? Duplicates,
    ImportReport Report,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);
