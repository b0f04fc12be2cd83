using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Crm.Web.Tests.Support;

/// <summary>/api/imports as a client uses it: upload bytes as multipart, dry-run, start, read progress.</summary>
public static class ImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient http, byte[] csv, string fileName = "customers.csv", string kind = "customers")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await http.PostAsync($"api/imports?kind={kind}", form);
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient http, string csv) => http.UploadAsync(Encoding.UTF8.GetBytes(csv));

    public static async Task<HttpResponseMessage> UploadFileAsync(this HttpClient http, string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(path));
        return await http.PostAsync("api/imports?kind=customers", form);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body, ApiJson.Options);
    }

    public static async Task<JsonElement> DryRunAsync(this HttpClient http, string importId, string[] mapping, string duplicates) =>
        await (await http.PostAsJsonAsync($"api/imports/{importId}/dry-run", new { mapping, duplicates }, ApiJson.Options)).JsonAsync();

    public static async Task<JsonElement> StartImportAsync(this HttpClient http, string importId, string[] mapping, string duplicates) =>
        await (await http.PostAsJsonAsync($"api/imports/{importId}/start", new { mapping, duplicates }, ApiJson.Options)).JsonAsync();

    public static async Task<JsonElement> GetImportAsync(this HttpClient http, string importId) =>
        await (await http.GetAsync($"api/imports/{importId}")).JsonAsync();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static (long Rows, long Created, long Updated, long Merged, long Skipped, long Invalid, long Duplicates) Counts(this JsonElement report)
    {
        var c = report.GetProperty("counts");
        long N(string name) => c.GetProperty(name).GetInt64();
        return (N("rows"), N("created"), N("updated"), N("merged"), N("skipped"), N("invalid"), N("duplicates"));
    }
}
