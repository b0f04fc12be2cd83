using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Xunit;

namespace Crm.Web.Tests.KnowledgeBase;

/// <summary>
/// Suggestions and drafts for a real conversation of the demo workspace, from the seeded articles embedded by the
/// embeddings projection with the real local model; and nothing of them for another workspace.
/// </summary>
public sealed class AssistantApiTests(TwoWorkspaceNodeFixture node) : IClassFixture<TwoWorkspaceNodeFixture>
{
    [Fact]
    public async Task CustomerAsksAboutTheirPassword_AgentGetsTheArticleWithItsReasons_AndADraftCitingIt()
    {
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await AskAsync(visitor, "I forgot my password, how do I reset it?");

        var suggestions = await Eventually.ReturnsAsync(
            () => agent.Http.GetFromJsonAsync<JsonElement>($"api/conversations/{conversation.ConversationId}/suggestions"),
            s => s.EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "suggest-article"),
            "an article suggestion for the question");
        var article = suggestions.EnumerateArray().First(a => a.GetProperty("kind").GetString() == "suggest-article");
        Assert.Equal("reset-your-password", article.GetProperty("reference").GetString());
        Assert.Contains(article.GetProperty("signals").EnumerateArray(), s => s.GetProperty("name").GetString() == "semantic similarity");

        var draft = await agent.Http.GetFromJsonAsync<JsonElement>($"api/conversations/{conversation.ConversationId}/draft");
        Assert.Equal(["reset-your-password"], draft.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Contains("Forgot password", draft.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherWorkspace_GetsNoSuggestionsForTheConversation()
    {
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await AskAsync(visitor, "How do I reset my password?");

        foreach (var path in new[] { "suggestions", "draft", "summary" })
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync($"api/conversations/{conversation.ConversationId}/{path}")).StatusCode);
    }

    /// <summary>A widget visitor of the demo workspace opens a chat and asks.</summary>
    private static async Task<VisitorConversation> AskAsync(VisitorClient visitor, string question)
    {
        var conversation = await visitor.StartFreshConversationAsync("Ada Visitor");
        await visitor.SendMessageAsync(conversation.ConversationId, question);
        return conversation;
    }
}
