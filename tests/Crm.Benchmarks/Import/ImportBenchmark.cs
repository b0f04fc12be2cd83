using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Benchmarks.Chat;
using Crm.Testing.Hosts;
using Crm.Testing.Imports;

namespace Crm.Benchmarks.Import;

/// <summary>
/// A customer CSV (default 1,000,000 rows; <c>--quick</c>: 50,000; <c>--rows N</c>) with planted duplicates and errors,
/// imported by Crm.Web (Release, Production, its own data folder) through <c>/api/imports</c> with duplicates skipped:
/// every row a customer event in the store. Timed from the start to the import's completion (the upload and its scan
/// are reported apart). The baseline, in the same run: the same rows into one plain SQLite table with unique email and
/// phone indexes, batched. Last line:
/// <c>import rows_per_s=… baseline_rows_per_s=… ratio=… duplicates_found=… peak_mb=…</c>.
/// </summary>
public static class ImportBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Contains("--quick") ? 50_000L : 1_000_000L;
        var at = Array.IndexOf(args, "--rows");
        if (at >= 0 && at + 1 < args.Length) rows = long.Parse(args[at + 1], CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), $"crm-bench-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var csv = Path.Combine(root, "customers.csv");
            CustomerCsv.Write(csv, rows);
            var planted = CustomerCsv.Duplicates(rows);
            Console.WriteLine(Invariant($"import: {rows:N0} rows ({new FileInfo(csv).Length / 1e6:0.0} MB), {planted:N0} planted duplicates, {CustomerCsv.Invalid(rows):N0} invalid; data under {root}"));

            var baselineWatch = Stopwatch.StartNew();
            var baseline = SqliteInsertBaseline.Run(csv, Path.Combine(root, "baseline.db"));
            var baselinePerSecond = rows / baselineWatch.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"  baseline: {baseline.Inserted:N0} inserted, {baseline.Duplicates:N0} duplicates, {baseline.Invalid:N0} invalid in {baselineWatch.Elapsed.TotalSeconds:0.0} s: {baselinePerSecond:N0} rows/s"));

            await using var crm = await CrmTarget.StartAsync(Path.Combine(root, "data"));
            var pid = crm.ProcessId;
            using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, "admin@demo.crm");

            Console.WriteLine(Invariant($"  Crm.Web started: {Megabytes(pid, "VmRSS:"):0} MB resident before the import"));
            var uploadWatch = Stopwatch.StartNew();
            using var form = new MultipartFormDataContent();
            var file = new StreamContent(File.OpenRead(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "customers.csv");
            using var uploaded = await admin.Http.PostAsync("api/imports?kind=customers", form);
            var created = await Read(uploaded);
            var importId = created.GetProperty("importId").GetString()!;
            var mapping = created.GetProperty("suggestedMapping").Deserialize<string[]>(Json)!;
            Console.WriteLine(Invariant($"  upload and scan: {uploadWatch.Elapsed.TotalSeconds:0.0} s; mapping {string.Join(", ", mapping)}"));

            var cpuBefore = ServerProbe.CpuTime(pid);
            var runWatch = Stopwatch.StartNew();
            using (var started = await admin.Http.PostAsJsonAsync($"api/imports/{importId}/start", new { mapping, duplicates = "skip" }))
                await Read(started);
            JsonElement details;
            var lastShown = TimeSpan.Zero;
            while (true)
            {
                details = await admin.Http.GetFromJsonAsync<JsonElement>($"api/imports/{importId}", Json);
                if (details.GetProperty("status").GetString() is "completed" or "Completed") break;
                if (runWatch.Elapsed - lastShown > TimeSpan.FromSeconds(5))
                {
                    lastShown = runWatch.Elapsed;
                    Console.WriteLine(Invariant($"  {runWatch.Elapsed.TotalSeconds:0} s: {details.GetProperty("report").GetProperty("counts").GetProperty("rows").GetInt64():N0} rows"));
                }
                if (runWatch.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("The import did not complete within 30 minutes.");
                await Task.Delay(200);
            }
            var seconds = runWatch.Elapsed.TotalSeconds;
            var cpu = ServerProbe.CpuTime(pid) - cpuBefore;
            var counts = details.GetProperty("report").GetProperty("counts");
            var found = counts.GetProperty("duplicates").GetInt64();
            var peakMb = Megabytes(pid, "VmHWM:");
            var perSecond = rows / seconds;
            Console.WriteLine(Invariant($"  import: {counts}"));
            Console.WriteLine(Invariant($"  import: {seconds:0.0} s, {perSecond:N0} rows/s, CPU {cpu.TotalMilliseconds * 1000 / rows:0.0} µs per row (Crm.Web, both cores), load {ServerProbe.LoadAverage()}"));
            if (found != planted) Console.WriteLine(Invariant($"  MISMATCH: found {found:N0} duplicates, planted {planted:N0}"));
            foreach (var line in crm.Output.Split('\n').Where(l => l.Contains("Snapshot", StringComparison.Ordinal)).TakeLast(5))
                Console.WriteLine($"  Crm.Web: {line}");
            Console.WriteLine(Invariant(
                $"import rows_per_s={perSecond:0} baseline_rows_per_s={baselinePerSecond:0} ratio={perSecond / baselinePerSecond:0.00} duplicates_found={found} peak_mb={peakMb:0}"));
            return found == planted ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body, Json);
    }

    /// <summary>A memory figure of the process's status (VmHWM: peak resident, VmRSS: resident now), in MB.</summary>
    private static double Megabytes(int? pid, string field)
    {
        if (pid is null) return double.NaN;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
