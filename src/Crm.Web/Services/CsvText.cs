namespace Crm.Web.Services;

/// <summary>What every CSV this app writes does to a text cell before quoting it.</summary>
public static class CsvText
{
    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such text gets a
    /// leading single quote and stays text: CSV injection.
    /// </summary>
    public static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
