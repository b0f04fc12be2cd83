using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Search;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Search;

/// <summary>/api/search as the tests call it.</summary>
public static class SearchApiClient
{
    public static async Task<SearchResults> SearchAsync(this HttpClient http, string query)
    {
        using var response = await http.GetAsync("api/search?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/search?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SearchResults>(ApiJson.Options))!;
    }

    public static Task<SearchResults> FindAsync(this HttpClient http, string text) => http.SearchAsync("q=" + Uri.EscapeDataString(text));

    /// <summary>Waits until <paramref name="text"/> finds exactly <paramref name="count"/> matches (the indexer runs behind the commit).</summary>
    public static Task<SearchResults> EventuallyFindsAsync(this HttpClient http, string text, int count, TimeSpan? within = null) =>
        Eventually.ReturnsAsync(() => http.FindAsync(text), r => r.Total == count, $"'{text}' to find {count} matches", within);
}
