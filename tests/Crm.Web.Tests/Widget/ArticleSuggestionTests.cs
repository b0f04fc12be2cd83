using System.Net;
using System.Net.Http.Json;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// The widget's article suggestions before a chat starts (/api/widget/articles), on one real Crm.Web process with the
/// demo's published articles: a question in other words finds its article with a help-center link; gibberish, a
/// half-typed word and another workspace's articles find nothing; bad input is a clear 4xx.
/// </summary>
public sealed class ArticleSuggestionTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    [Fact]
    public async Task Question_InOtherWords_SuggestsTheArticleWithAHelpCenterLink()
    {
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);

        var articles = await SuggestAsync("I forgot my login credentials");

        var best = articles[0];
        Assert.Equal("reset-your-password", best.Url.Split('/')[^1]);
        Assert.StartsWith(new Uri(node.BaseAddress, $"help/{DemoUsers.Workspace}/articles/").ToString(), best.Url, StringComparison.Ordinal);
        Assert.True(articles.Count <= 3);
    }

    [Theory]
    [InlineData("xq zzv plork")]
    [InlineData("pas")]
    [InlineData("")]
    public async Task GibberishOrHalfTyped_SuggestsNothing(string question)
    {
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);

        Assert.Empty(await SuggestAsync(question));
    }

    [Theory]
    [InlineData("workspaceId=nope0000000000000000&q=reset%20my%20password", HttpStatusCode.NotFound)]
    [InlineData("workspaceId=..%2F..&q=reset", HttpStatusCode.BadRequest)]
    [InlineData("q=reset", HttpStatusCode.BadRequest)]
    public async Task BadWorkspace_IsAClear4xx(string query, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await http.GetAsync("api/widget/articles?" + query);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task QuestionLongerThan200Characters_Is400WithAMessage()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await http.GetAsync($"api/widget/articles?workspaceId={DemoUsers.Workspace}&q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Suggestion>> SuggestAsync(string question)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Add("Origin", "https://shop.example.com");
        return (await http.GetFromJsonAsync<List<Suggestion>>(
            $"api/widget/articles?workspaceId={DemoUsers.Workspace}&q={Uri.EscapeDataString(question)}", ApiJson.Options))!;
    }

    private sealed record Suggestion(string Title, string Url, string Passage);
}
