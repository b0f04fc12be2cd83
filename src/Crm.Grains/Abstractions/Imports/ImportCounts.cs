namespace Crm.Grains.Abstractions.Imports;

/// <summary>
/// Rows by outcome. <paramref name="Rows"/> = created + updated + merged + skipped + invalid; <paramref name="Duplicates"/>
/// counts rows that were the same person as a stored record or an earlier row, whatever was done with them.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.imports.import-counts")]
public sealed record ImportCounts(long Rows, long Created, long Updated, long Merged, long Skipped, long Invalid, long Duplicates)
{
    public static ImportCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public ImportCounts Add(ImportCounts other) => new(Rows + other.Rows, Created + other.Created, Updated + other.Updated,
        Merged + other.Merged, Skipped + other.Skipped, Invalid + other.Invalid, Duplicates + other.Duplicates);
}
