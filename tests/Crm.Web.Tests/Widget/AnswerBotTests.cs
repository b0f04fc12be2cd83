using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// The widget's answer bot through the real widget hub on one Crm.Web process: silent while off, then (turned on by an
/// admin) answering from published articles with a link, marked as automated, and handing over to a person when asked,
/// when no article matches well, or when its answers did not help. Tests run one at a time: the switch is the workspace's.
/// </summary>
[Collection(AnswerBotCollection.Name)]
public sealed class AnswerBotTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    /// <summary>Longer than the bot's debounce and its run: a bot that would speak has spoken by then.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Off_AVisitorQuestion_GetsNoBotMessage()
    {
        await SetAsync(false);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();

        await visitor.SendMessageAsync(chat.ConversationId, "How do I change the email address of my account?");
        await Task.Delay(Settle);

        var thread = await visitor.JoinConversationAsync(chat.ConversationId, 0);
        Assert.Single(thread.Messages);
        Assert.DoesNotContain(visitor.Received, p => p.Message.Automated);
    }

    [Fact]
    public async Task On_AQuestionAnArticleAnswers_GetsAnAutomatedAnswerWithTheHelpCenterLink()
    {
        await SetAsync(true);
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();

        await visitor.SendMessageAsync(chat.ConversationId, "How do I change the email address I sign in with?");
        var answer = await visitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated, "the answer bot's reply", Settle * 2);

        Assert.Contains("/help/demo/articles/change-account-email", answer.Body);
        Assert.False(answer.Mine);
        Assert.Equal("Answer bot", answer.AuthorName);
        Assert.DoesNotContain("bot-handed-over", await LabelsAsync(chat.ConversationId));
    }

    [Theory]
    [InlineData("Can I talk to a human please?")]
    [InlineData("xqzv blorf wibble plonk")] // no article matches: low confidence
    public async Task On_AskingForAPersonOrNoGoodMatch_HandsOverAndLabelsTheChat(string said)
    {
        await SetAsync(true);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();

        await visitor.SendMessageAsync(chat.ConversationId, said);
        var handover = await visitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated, "the bot's handover line", Settle * 2);

        Assert.Contains("passing you to a person", handover.Body);
        Assert.DoesNotContain("/help/", handover.Body);
        await Eventually.ReturnsAsync(() => LabelsAsync(chat.ConversationId), labels => labels.Contains("bot-handed-over"), "the chat labelled bot-handed-over");
        // Handed over: the bot stays quiet from now on.
        await visitor.SendMessageAsync(chat.ConversationId, "How do I change the email address I sign in with?");
        await Task.Delay(Settle);
        Assert.Single(visitor.Received, p => p.Message.Automated);
    }

    [Fact]
    public async Task On_ASecondAnswerThatDidNotHelp_HandsOver()
    {
        await SetAsync(true);
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();

        await visitor.SendMessageAsync(chat.ConversationId, "How do I change the email address I sign in with?");
        await visitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated && m.Body.Contains("/help/demo/articles/"), "the first answer", Settle * 2);
        await visitor.SendMessageAsync(chat.ConversationId, "No, that didn't help. How do I change the email address on my account?");
        await Eventually.ReturnsAsync(() => Task.FromResult(visitor.Received.Count(p => p.Message.Automated)), n => n >= 2, "a second answer", Settle * 2);
        await visitor.SendMessageAsync(chat.ConversationId, "That still did not help at all.");
        var handover = await visitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated && m.Body.Contains("passing you to a person"), "the handover", Settle * 2);

        Assert.Equal(3, visitor.Received.Count(p => p.Message.Automated));
        Assert.Contains("/help/demo/articles/", visitor.Received.Where(p => p.Message.Automated).ElementAt(1).Message.Body);
        Assert.DoesNotContain("/help/", handover.Body);
    }

    [Fact]
    public async Task On_AnUnpublishedArticle_IsNeverCited()
    {
        await SetAsync(true);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var topic = $"zebracorn{Guid.NewGuid():N}"[..16];
        using var draft = await admin.Http.PostAsJsonAsync("api/knowledge-base/articles",
            new { title = $"Feeding the {topic}", category = "Account", body = $"The {topic} eats {topic} pellets twice a day." }, ApiJson.Options);
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();

        await visitor.SendMessageAsync(chat.ConversationId, $"How often should I feed the {topic}?");
        var reply = await visitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated, "the bot's reply", Settle * 2);

        Assert.DoesNotContain(topic, reply.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Setting_BadInput_Is400WithTheReason_AndAnAgentIsRefused()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var empty = await admin.Http.PutAsJsonAsync("api/workspace/answer-bot", new { }, ApiJson.Options);
        using var wrongType = await admin.Http.PutAsync("api/workspace/answer-bot", new StringContent("{\"enabled\":\"yes\"}", System.Text.Encoding.UTF8, "application/json"));
        using var byAgent = await agent.Http.PutAsJsonAsync("api/workspace/answer-bot", new { enabled = true }, ApiJson.Options);

        await ProblemAssert.StatusAsync(empty, HttpStatusCode.BadRequest, "'enabled': true or false");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
    }

    private async Task SetAsync(bool enabled)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var response = await admin.Http.PutAsJsonAsync("api/workspace/answer-bot", new { enabled }, ApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(enabled, (await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options)).GetProperty("enabled").GetBoolean());
    }

    private async Task<IReadOnlyList<string>> LabelsAsync(string conversationId)
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var details = await agent.Http.GetFromJsonAsync<JsonElement>($"api/conversations/{conversationId}", ApiJson.Options);
        return details.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            ? [.. labels.EnumerateArray().Select(l => l.GetString()!)]
            : [];
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AnswerBotCollection
{
    public const string Name = "Answer bot";
}
