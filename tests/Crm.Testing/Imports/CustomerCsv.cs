using System.Globalization;
using System.Text;

namespace Crm.Testing.Imports;

/// <summary>
/// A customer CSV with known planted problems, for the import's tests and benchmark. Per 100 rows: row 37 repeats row
/// 20's email in upper case, row 53 repeats row 50's phone in another spelling (both duplicates the import must find);
/// per 1,000 rows: row 71 has a bad email, row 571 one cell too many (both invalid). Everything else is unique.
/// </summary>
public static class CustomerCsv
{
    public const string Header = "Name,E-mail,Phone number,Company,Tags";

    public static long Duplicates(long rows) => Count(rows, 100, 37) + Count(rows, 100, 53);

    public static long Invalid(long rows) => Count(rows, 1000, 71) + Count(rows, 1000, 571);

    /// <summary>The customer id the import gives data row <paramref name="index"/> (0-based): the import id and its line (header = 1).</summary>
    public static string CustomerId(string importId, long index) => $"{importId}-{index + 2}";

    public static void Write(string path, long rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        for (long i = 0; i < rows; i++)
        {
            writer.Write(Row(i));
            writer.Write('\n');
        }
    }

    public static string Row(long i) => (i % 100, i % 1000) switch
    {
        (37, _) => Line(i, Email(i - 17).ToUpperInvariant(), Phone(i)),
        (53, _) => Line(i, Email(i), "+1 (555) " + Digits(i - 3)),
        (_, 71) => Line(i, "not-an-email", Phone(i)),
        (_, 571) => Line(i, Email(i), Phone(i)) + ",extra",
        _ => Line(i, Email(i), Phone(i)),
    };

    private static string Line(long i, string email, string phone) =>
        string.Create(CultureInfo.InvariantCulture, $"\"Customer {i}, Jr\",{email},{phone},Company {i % 997},{(i % 3 == 0 ? "vip" : "")}");

    private static string Email(long i) => string.Create(CultureInfo.InvariantCulture, $"customer{i}@example{i % 50}.com");

    private static string Phone(long i) => "+1 555 " + Digits(i);

    private static string Digits(long i) => (1_000_000 + i).ToString(CultureInfo.InvariantCulture);

    private static long Count(long rows, long every, long at) => rows / every + (rows % every > at ? 1 : 0);
}
