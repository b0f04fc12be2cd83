using System.Text;

namespace Crm.Web.Tests.Support;

/// <summary>Reads RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows) into rows of cells, strictly enough to catch a malformed export.</summary>
public static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else if (c is '"' or '\r' or '\n') throw new FormatException($"Unexpected {(int)c} outside quotes at {i}.");
            else cell.Append(c);
        }
        if (quoted) throw new FormatException("A quoted cell never ends.");
        if (cell.Length > 0 || row.Count > 0) throw new FormatException("The last row does not end with CRLF.");
        return rows;
    }
}
