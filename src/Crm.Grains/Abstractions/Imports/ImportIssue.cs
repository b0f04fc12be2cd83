namespace Crm.Grains.Abstractions.Imports;

/// <summary>A problem with one row (the file's line number, header = 1) and, where it is one cell's, its column.</summary>
[GenerateSerializer, Immutable, Alias("crm.imports.import-issue")]
public sealed record ImportIssue(long Row, string? Column, string Message);
