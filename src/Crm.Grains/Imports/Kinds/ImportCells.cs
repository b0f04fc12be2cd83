using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports.Kinds;

/// <summary>
/// A record's cells by target, with the shape checks every kind shares (a malformed row, too many cells) and each
/// refused cell recorded by row and column; a kind reads the values and adds its own checks.
/// </summary>
public sealed class ImportCells
{
    private readonly Dictionary<string, (string Value, int Column)> _cells = new(StringComparer.Ordinal);
    private readonly ImportScope _scope;
    private readonly List<ImportIssue> _issues;
    private readonly int _before;

    private ImportCells(ImportScope scope, long line, List<ImportIssue> issues)
    {
        (_scope, Line, _issues, _before) = (scope, line, issues, issues.Count);
    }

    public long Line { get; }

    /// <summary>Whether anything was refused in this row so far.</summary>
    public bool Refused => _issues.Count > _before;

    /// <summary>Null (with the issue) for a malformed record; else its non-empty, trimmed cells by mapped target.</summary>
    public static ImportCells? Read(ImportScope scope, IReadOnlyList<string> mapping, CsvRecord record, List<ImportIssue> issues)
    {
        var cells = new ImportCells(scope, record.Line, issues);
        if (record.Error is { } error) issues.Add(new ImportIssue(record.Line, scope.ColumnName(record.ErrorColumn - 1), error));
        if (record.Cells.Length > scope.Headers.Count)
            issues.Add(new ImportIssue(record.Line, $"column {scope.Headers.Count + 1}",
                $"The row has {record.Cells.Length} cells but the header {scope.Headers.Count}: a delimiter or quote out of place? The row was not imported."));
        if (cells.Refused) return null;
        for (var i = 0; i < mapping.Count && i < record.Cells.Length; i++)
        {
            var cell = record.Cells[i].Trim();
            if (mapping[i] != ImportTargets.Ignore && cell.Length > 0) cells._cells[mapping[i]] = (cell, i);
        }
        return cells;
    }

    /// <summary>The cell mapped to <paramref name="target"/> through <paramref name="parse"/>; a refusal becomes the row's issue at that column.</summary>
    public T? Get<T>(string target, Func<string, T> parse)
    {
        if (!_cells.TryGetValue(target, out var cell)) return default;
        try
        {
            return parse(cell.Value);
        }
        catch (DomainException ex)
        {
            _issues.Add(new ImportIssue(Line, _scope.ColumnName(cell.Column), ex.Message));
            return default;
        }
    }

    public string? Text(string target) => Get(target, v => v);

    /// <summary>An issue about the row, or about the column of <paramref name="target"/> when it is mapped.</summary>
    public void Refuse(string? target, string message) =>
        _issues.Add(new ImportIssue(Line, target is not null && _cells.TryGetValue(target, out var c) ? _scope.ColumnName(c.Column) : null, message));

    public static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
