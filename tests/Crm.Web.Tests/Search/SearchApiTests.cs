using System.Net;
using Crm.Grains.Abstractions.Search;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Search;

/// <summary>/api/search on a real node: what a message says is found, notes only by those who may read them, bad input answered.</summary>
public sealed class SearchApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task PostedMessage_IsFoundWithItsWordMarked()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var conversation = await agent.Http.OpenFreshConversationAsync("search");
        var word = Word("quokka");
        await agent.Http.PostMessageAsync(conversation.ConversationId, $"The {word} parcel is missing");

        var results = await agent.Http.EventuallyFindsAsync(word, 1);

        var hit = Assert.Single(results.Hits);
        Assert.Equal((SearchKind.Conversation, conversation.ConversationId), (hit.Kind, hit.Id));
        Assert.Contains(hit.Snippet, s => s.Match && s.Text == word);
    }

    [Fact]
    public async Task InternalNote_IsFoundByAgentsButNotBySalesReps()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var conversation = await agent.Http.OpenFreshConversationAsync("note");
        var word = Word("wombat");
        using var note = await agent.Http.PostAsync($"api/conversations/{conversation.ConversationId}/notes",
            System.Net.Http.Json.JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = $"internal {word} only" }));
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        await agent.Http.EventuallyFindsAsync(word, 1);

        Assert.Equal(0, (await sales.Http.FindAsync(word)).Total);
        Assert.Contains((await sales.Http.FindAsync("Test thread")).Hits, h => h.Id == conversation.ConversationId);
    }

    [Theory]
    [InlineData(": \" ( ) * ? ~ ^ \\ / [ ]")]
    [InlineData("tom.")]
    [InlineData("AND OR NOT")]
    [InlineData("😀")]
    [InlineData("שלום")]
    [InlineData("")]
    public async Task AnyQueryText_IsAnsweredNever500(string text)
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var response = await agent.Http.GetAsync("api/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task VeryLongQuery_IsCutAndTheAnswerSaysSo()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        var results = await agent.Http.FindAsync("tom " + new string('a', 5_000));

        Assert.Contains("characters", results.Notice);
    }

    [Theory]
    [InlineData("q=x&kind=planet", "kind")]
    [InlineData("q=x&limit=0", "limit")]
    [InlineData("q=x&limit=abc", "limit")]
    [InlineData("q=x&from=yesterday", "from")]
    [InlineData("q=x&from=2026-02-01&to=2026-01-01", "from")]
    public async Task BadFilter_Is400SayingWhich(string query, string named)
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var response = await agent.Http.GetAsync("api/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.ProblemDetailAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_SwapsInANewIndexWhileSearchKeepsAnswering()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var conversation = await admin.Http.OpenFreshConversationAsync("rebuild");
        var word = Word("pangolin");
        await admin.Http.PostMessageAsync(conversation.ConversationId, word);
        await admin.Http.EventuallyFindsAsync(word, 1);

        using var started = await admin.Http.PostAsync("api/admin/search/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // Searches during the rebuild are answered by the old index.
        Assert.Equal(1, (await admin.Http.FindAsync(word)).Total);

        await Eventually.ReturnsAsync(
            () => System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<SearchRebuildStatus>(admin.Http, "api/admin/search/rebuild", ApiJson.Options),
            s => s is { Running: false, LastCompletedAt: not null }, "the rebuild to finish", TimeSpan.FromSeconds(60));
        Assert.Equal(1, (await admin.Http.FindAsync(word)).Total);
    }

    /// <summary>A word no other test (or demo data) contains.</summary>
    private static string Word(string animal) => $"{animal}{Guid.NewGuid():N}"[..(animal.Length + 8)];
}
