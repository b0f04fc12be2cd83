namespace Crm.Grains.Abstractions.Imports;

/// <summary>
/// How to read the file: one target per column, in the file's order ("name", "first-name", "last-name", "email", "phone",
/// "company", "tags", "attr:{key}", or "ignore"), and what to do with duplicates. Used by the dry run and the start alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.imports.configure-import")]
public sealed record ConfigureImport(IReadOnlyList<string> Mapping, DuplicateMode Duplicates, string Actor);
