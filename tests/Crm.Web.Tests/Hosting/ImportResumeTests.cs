using System.Diagnostics;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Testing.Imports;
using Crm.Web.Tests.Sales;
using Crm.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// A 100,000-row import with planted errors and duplicates, its process killed (kill -9) mid-way and restarted on the
/// same folder: the import continues from its last committed batch, the counts are exact, and no row is stored twice.
/// </summary>
public sealed class ImportResumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 100_000;
    private readonly TempFolder _data = new("import-resume");

    [Fact]
    public async Task Import_KilledMidwayThenRestarted_ResumesAndStoresEveryRowOnce()
    {
        var watch = Stopwatch.StartNew();
        var csv = Path.Combine(_data.Path, "customers.csv");
        CustomerCsv.Write(csv, Rows);
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = Path.Combine(_data.Path, "data") };
        string importId;
        long rowsAtKill;

        await using (var first = await CrmProcess.StartAsync("Crm.Web", settings))
        {
            using var admin = await ConsoleClient.SignInAsync(first.BaseAddress, DemoUsers.Admin);
            var import = await (await admin.Http.UploadFileAsync(csv)).JsonAsync();
            importId = import.GetProperty("importId").GetString()!;
            await admin.Http.StartImportAsync(importId, import.GetProperty("suggestedMapping").Strings(), "skip");
            var running = await Eventually.ReturnsAsync(() => admin.Http.GetImportAsync(importId),
                i => i.GetProperty("report").Counts().Rows >= 20_000, "20,000 rows committed", TimeSpan.FromSeconds(60));
            first.Kill();
            rowsAtKill = running.GetProperty("report").Counts().Rows;
        }
        output.WriteLine($"killed after {rowsAtKill:N0} committed rows at {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(rowsAtKill < Rows, "The import finished before it could be killed; nothing was resumed.");

        await using var second = await CrmProcess.StartAsync("Crm.Web", settings);
        using var again = await ConsoleClient.SignInAsync(second.BaseAddress, DemoUsers.Admin);
        var done = await ImportApiTests.CompletedAsync(again.Http, importId, TimeSpan.FromSeconds(90));
        output.WriteLine($"completed at {watch.Elapsed.TotalSeconds:0.0} s");

        var duplicates = CustomerCsv.Duplicates(Rows);
        var invalid = CustomerCsv.Invalid(Rows);
        var created = Rows - duplicates - invalid;
        Assert.Equal((Rows, created, 0L, 0L, duplicates, invalid, duplicates), done.GetProperty("report").Counts());
        Assert.Equal(invalid, done.GetProperty("report").GetProperty("issueCount").GetInt64());
        var (streams, profiles) = await StoredAsync(Path.Combine(settings["Crm:DataPath"]!, "events.db"), importId);
        Assert.Equal(created, streams);
        Assert.Equal(created, profiles);
    }

    /// <summary>The import's customer streams and their profile events, read from the store file itself.</summary>
    private static async Task<(long Streams, long Profiles)> StoredAsync(string databasePath, string importId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(DISTINCT stream_id), SUM(type = 'crm.customers.customer-upserted.v1')
            FROM events WHERE stream_id >= $from AND stream_id < $to
            """;
        command.Parameters.AddWithValue("$from", $"demo/customer/{importId}-");
        command.Parameters.AddWithValue("$to", $"demo/customer/{importId}.");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose() => _data.Dispose();
}
