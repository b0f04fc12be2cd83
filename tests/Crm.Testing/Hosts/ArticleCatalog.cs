using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Testing.Hosts;

/// <summary>
/// Waits until the assistant's catalog (the embeddings projection) holds every article the workspace has published.
/// The demo's articles are published all at once at start-up and embedded a batch at a time after; a test that ranks
/// articles must not ask a half-filled catalog, whose best match is whichever article happened to land first
/// ("export-your-data" for a password question, in a CI run). "Some answer" is not the condition: "all of them" is.
/// </summary>
public static class ArticleCatalog
{
    public static Task WaitUntilCompleteAsync(Uri baseAddress, string staffEmail = "admin@demo.crm") =>
        Eventually.ReturnsAsync(() => MissingAsync(baseAddress, staffEmail), missing => missing.Length == 0,
            "every published article in the assistant's catalog (each found by its own title)", TimeSpan.FromSeconds(60));

    /// <summary>The published articles that a search by their own title does not find yet: their slugs, comma-separated.</summary>
    private static async Task<string> MissingAsync(Uri baseAddress, string staffEmail)
    {
        using var staff = await ConsoleClient.SignInAsync(baseAddress, staffEmail);
        var articles = await staff.Http.GetFromJsonAsync<JsonElement>("api/knowledge-base/articles");
        var missing = new List<string>();
        foreach (var article in articles.EnumerateArray().Where(a => a.GetProperty("status").GetString() == "published"))
        {
            var slug = article.GetProperty("slug").GetString();
            var title = article.GetProperty("title").GetString()!;
            var found = await staff.Http.GetFromJsonAsync<JsonElement>($"api/knowledge-base/search?q={Uri.EscapeDataString(title)}");
            if (!found.EnumerateArray().Any(f => f.GetProperty("slug").GetString() == slug)) missing.Add(slug!);
        }
        return string.Join(", ", missing);
    }
}
