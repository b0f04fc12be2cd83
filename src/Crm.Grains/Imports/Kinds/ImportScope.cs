namespace Crm.Grains.Imports.Kinds;

/// <summary>The import a kind decides rows for: its workspace, its id (row records get "{importId}-{line}" ids) and its header.</summary>
public sealed record ImportScope(string WorkspaceId, string ImportId, IReadOnlyList<string> Headers)
{
    /// <summary>The id of the record a row creates: the same on a resumed run, so a batch written twice stores nothing twice.</summary>
    public string RowId(long line) => $"{ImportId}-{line}";

    public string? ColumnName(int index) =>
        index < 0 ? null : index < Headers.Count && Headers[index].Length > 0 ? Headers[index] : $"column {index + 1}";
}
