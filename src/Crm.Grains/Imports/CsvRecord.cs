namespace Crm.Grains.Imports;

/// <summary>
/// One record of a CSV file: its cells, the line it starts on (header = 1), whether any cell was not UTF-8 (read as
/// Latin-1 instead) and, when it is malformed, the problem and the 1-based column where it was found.
/// </summary>
public readonly record struct CsvRecord(long Line, string[] Cells, bool Latin1, string? Error, int ErrorColumn);
