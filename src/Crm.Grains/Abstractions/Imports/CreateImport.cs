namespace Crm.Grains.Abstractions.Imports;

/// <summary>Reads an uploaded file (already in the blob store under <paramref name="BlobKey"/>) for its columns and preview.</summary>
[GenerateSerializer, Immutable, Alias("crm.imports.create-import")]
public sealed record CreateImport(string Kind, string FileName, string BlobKey, string Actor);
