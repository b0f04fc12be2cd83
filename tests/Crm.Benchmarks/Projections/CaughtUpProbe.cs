using System.Diagnostics;
using System.Text.Json;

namespace Crm.Benchmarks.Projections;

/// <summary>
/// (b) Waits until <c>/health/ready</c>'s projection details list every expected partition as caught up with no lag:
/// the moment the node's read models include the whole history.
/// </summary>
public static class CaughtUpProbe
{
    public static async Task<bool> WaitAsync(Uri baseAddress, IReadOnlyCollection<string> partitions, TimeSpan limit, Action<string> log)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var lastLog = TimeSpan.Zero;
        while (clock.Elapsed < limit)
        {
            var details = await DetailsAsync(http);
            var behind = partitions.Where(p => !details.TryGetValue(p, out var d) || !d.Contains("lag_events=0 ", StringComparison.Ordinal)
                || !d.Contains("caught_up=yes", StringComparison.Ordinal)).ToList();
            if (behind.Count == 0) return true;
            if (clock.Elapsed - lastLog > TimeSpan.FromSeconds(5))
            {
                lastLog = clock.Elapsed;
                log($"  {behind.Count} of {partitions.Count} partitions not caught up yet, e.g. {behind[0]}: {details.GetValueOrDefault(behind[0]) ?? "not reported"}");
            }
            await Task.Delay(50);
        }
        return false;
    }

    private static async Task<Dictionary<string, string>> DetailsAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("health/ready");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (json.RootElement.TryGetProperty("checks", out var checks) && checks.TryGetProperty("projections", out var projections)
                && projections.TryGetProperty("data", out var data))
                foreach (var property in data.EnumerateObject()) result[property.Name] = property.Value.GetString() ?? "";
            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return [];
        }
    }
}
