using Crm.Grains.Customers;
using Crm.Grains.Imports;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Import;

/// <summary>
/// The baseline: the same file through the same CSV reader into one plain SQLite table with unique indexes on the
/// case-folded email and the E.164 phone, 5,000 rows a transaction, duplicates found by the indexes (INSERT OR IGNORE).
/// No events, no audit chain, no grains: what a bare script would do.
/// </summary>
public static class SqliteInsertBaseline
{
    public static (long Inserted, long Duplicates, long Invalid) Run(string csvPath, string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, phone TEXT, company TEXT, tags TEXT);
                CREATE UNIQUE INDEX customers_email ON customers(email);
                CREATE UNIQUE INDEX customers_phone ON customers(phone);
                """;
            setup.ExecuteNonQuery();
        }
        using var reader = new CsvRowReader(File.OpenRead(csvPath), (byte)',');
        reader.SkipBom();
        reader.TryRead(out var header);
        long inserted = 0, duplicates = 0, invalid = 0;
        var done = false;
        while (!done)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO customers (name, email, phone, company, tags) VALUES ($n, $e, $p, $c, $t)";
            var parameters = new[] { "$n", "$e", "$p", "$c", "$t" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            insert.Prepare();
            for (var i = 0; i < 5_000; i++)
            {
                if (!reader.TryRead(out var row))
                {
                    done = true;
                    break;
                }
                var email = row.Cells.Length == header.Cells.Length ? ContactFormats.Email(row.Cells[1]) : null;
                var phone = email is null ? null : ContactFormats.Phone(row.Cells[2]);
                if (email is null || phone is null)
                {
                    invalid++;
                    continue;
                }
                parameters[0].Value = row.Cells[0];
                parameters[1].Value = ContactFormats.EmailKey(email);
                parameters[2].Value = phone;
                parameters[3].Value = row.Cells[3];
                parameters[4].Value = row.Cells[4];
                if (insert.ExecuteNonQuery() == 1) inserted++;
                else duplicates++;
            }
            transaction.Commit();
        }
        return (inserted, duplicates, invalid);
    }
}
