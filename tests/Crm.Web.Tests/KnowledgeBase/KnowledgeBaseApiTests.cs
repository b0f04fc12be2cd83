using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.KnowledgeBase;

/// <summary>
/// The knowledge base over REST and the public help center, on a node with two tenants: editors write and publish,
/// agents read, the public reads published articles only, and nothing crosses workspaces.
/// </summary>
public sealed class KnowledgeBaseApiTests(TwoWorkspaceNodeFixture node) : IClassFixture<TwoWorkspaceNodeFixture>
{
    private const string Supervisor = "supervisor@demo.crm";

    [Fact]
    public async Task SupervisorPublishes_HelpCenterShowsIt_DraftsStayPrivate()
    {
        using var supervisor = await node.SignInAsync(Supervisor);
        var slug = $"kb-{Guid.NewGuid():N}"[..20];
        var article = await CreateAsync(supervisor.Http, "Pause your plan", "Subscription", slug, "Go to **Plan** and pause it.");
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"help/demo/articles/{slug}")).StatusCode);
        (await supervisor.Http.PostAsync($"api/knowledge-base/articles/{article}/publish", null)).EnsureSuccessStatusCode();
        var page = await anonymous.GetStringAsync($"help/demo/articles/{slug}");
        Assert.Contains("<strong>Plan</strong>", page, StringComparison.Ordinal);
        Assert.Contains(slug, await anonymous.GetStringAsync("help/demo"), StringComparison.Ordinal);

        // A new draft is not what the help center shows until it is published.
        (await supervisor.Http.PutAsJsonAsync($"api/knowledge-base/articles/{article}",
            new { title = "Pause your plan", category = "Subscription", slug, body = "Secret new text." })).EnsureSuccessStatusCode();
        Assert.DoesNotContain("Secret new text", await anonymous.GetStringAsync($"help/demo/articles/{slug}"), StringComparison.Ordinal);
        (await supervisor.Http.PostAsync($"api/knowledge-base/articles/{article}/unpublish", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"help/demo/articles/{slug}")).StatusCode);
    }

    [Fact]
    public async Task AgentReadsButCannotEdit()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        var list = await agent.Http.GetFromJsonAsync<JsonElement>("api/knowledge-base/articles");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("slug").GetString() == "reset-your-password");
        using var refused = await agent.Http.PostAsJsonAsync("api/knowledge-base/articles", new { title = "T", category = "C", body = "B" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("", "Cat", null, "Body", "title")]
    [InlineData("Title", "", null, "Body", "category")]
    [InlineData("Title", "Cat", "Bad Slug!", "Body", "slug")]
    [InlineData("Title", "Cat", null, "", "body")]
    public async Task BadArticle_Is400WithTheRule_AndNothingListed(string title, string category, string? slug, string body, string rule)
    {
        using var supervisor = await node.SignInAsync(Supervisor);
        using var response = await supervisor.Http.PostAsJsonAsync("api/knowledge-base/articles", new { title, category, slug, body });
        await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest, rule);
    }

    [Fact]
    public async Task TakenSlug_Is409_BadIdIs400_UnknownIdIs404()
    {
        using var supervisor = await node.SignInAsync(Supervisor);
        using var taken = await supervisor.Http.PostAsJsonAsync("api/knowledge-base/articles",
            new { title = "Again", category = "Account", slug = "reset-your-password", body = "Copy." });
        await ProblemAssert.StatusAsync(taken, HttpStatusCode.Conflict, "slug");
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.Http.GetAsync("api/knowledge-base/articles/Not%20An%20Id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.PostAsync($"api/knowledge-base/articles/{Guid.NewGuid():N}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task AnotherWorkspace_CannotReadOrChangeAnArticle_NorSeeItInItsHelpCenter()
    {
        using var owner = await node.SignInAsync(Supervisor);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var slug = $"iso-{Guid.NewGuid():N}"[..20];
        var article = await CreateAsync(owner.Http, "Demo only", "Private", slug, "Demo's words.");
        (await owner.Http.PostAsync($"api/knowledge-base/articles/{article}/publish", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"api/knowledge-base/articles/{article}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.PostAsync($"api/knowledge-base/articles/{article}/unpublish", null)).StatusCode);
        (await intruder.Http.DeleteAsync($"api/knowledge-base/articles/{article}")).EnsureSuccessStatusCode();
        Assert.DoesNotContain(slug, await intruder.Http.GetStringAsync("api/knowledge-base/articles"), StringComparison.Ordinal);
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"help/{TwoWorkspaceNodeFixture.OtherWorkspace}/articles/{slug}")).StatusCode);
        Assert.Contains("Demo's words", await anonymous.GetStringAsync($"help/demo/articles/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpCenter_ArticleWithHtmlAndScriptLinks_RendersThemInert()
    {
        using var supervisor = await node.SignInAsync(Supervisor);
        var slug = $"xss-{Guid.NewGuid():N}"[..20];
        var article = await CreateAsync(supervisor.Http, "Tricky <b>title</b>", "Tests", slug,
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) and [fine](https://example.com)");
        (await supervisor.Http.PostAsync($"api/knowledge-base/articles/{article}/publish", null)).EnsureSuccessStatusCode();
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        var page = await anonymous.GetStringAsync($"help/demo/articles/{slug}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Tricky &lt;b&gt;title&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpCenter_UnknownWorkspaceOrSlug_Is404_OverlongSearch_Is400()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("help/no-such-workspace")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("help/demo/articles/no-such-article")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("help/demo/articles/Not%20A%20Slug")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"help/demo?q={new string('a', 300)}")).StatusCode);
    }

    private static async Task<string> CreateAsync(HttpClient http, string title, string category, string slug, string body)
    {
        using var response = await http.PostAsJsonAsync("api/knowledge-base/articles", new { title, category, slug, body });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articleId").GetString()!;
    }
}
