using System.Net;
using System.Net.Sockets;
using Crm.Ai.LanguageModel;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>
/// Our orchestration around a language model, not a model: a scripted OpenAI-compatible endpoint (started here, on a
/// loopback port) plays the model through the real Semantic Kernel OpenAI connector, and the tests check what we send,
/// which plugin calls we run, how answers are grounded, and when and why the offline engine takes over.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class LanguageModelOrchestrationTests(EngineFixture engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    /// <summary>A deadline for calls that must not wait on anything: far above any honest run, never reached by one.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const string Question = "I forgot my password, how do I reset it? Reach me at ada@example.com or +1 555 123 4567.";

    private ScriptedChatEndpoint _model = null!;
    private readonly MemoryTokenLedger _ledger = new();

    public async Task InitializeAsync() => _model = await ScriptedChatEndpoint.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Draft_SendsTheQuestionAndGrounding_AndCitesThePublishedArticle()
    {
        _model.Reply("Hi Ada, open the sign-in page and click Forgot password? to get a reset link [source:reset].", totalTokens: 120);

        var draft = await DraftAsync(Options());

        Assert.Equal(LanguageModelAssistant.EngineName, draft.Engine);
        Assert.Null(draft.FallbackReason);
        Assert.Equal(["reset"], draft.Citations.Select(c => c.ArticleId));
        Assert.DoesNotContain("[source:", draft.Text, StringComparison.Ordinal);
        Assert.Contains("to get a reset link.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("/help/w1/articles/reset", draft.Text, StringComparison.Ordinal);
        var request = Assert.Single(_model.Requests);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Equal("scripted-model", request.Body["model"]!.GetValue<string>());
        var prompt = request.AllText;
        Assert.Contains("how do I reset it?", prompt, StringComparison.Ordinal);
        Assert.Contains("[source:reset] Reset your password", prompt, StringComparison.Ordinal);
        Assert.Contains("Never invent", prompt, StringComparison.Ordinal);
        var tools = request.Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["crm-get_conversation_history", "crm-get_customer_profile", "crm-search_knowledge_base"], tools.Order(StringComparer.Ordinal));
        Assert.Equal(120, _ledger.Used("w1", Now));
    }

    [Fact]
    public async Task ToolCalls_RunOurPlugins_AndTheirResultsGoBackToTheModel()
    {
        _model.CallTools(50, ("crm-search_knowledge_base", new { query = "refund policy" }))
            .CallTools(40, ("crm-get_customer_profile", new { }), ("crm-get_conversation_history", new { }))
            .Reply("Hi Ada, we refund any order within 30 days of delivery [source:refunds].", totalTokens: 70);

        var draft = await DraftAsync(Options());

        Assert.Equal(["refunds"], draft.Citations.Select(c => c.ArticleId));
        var requests = _model.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        var search = ToolResult(requests[1], "call_0_0");
        Assert.Contains("[source:refunds] Our refund policy", search, StringComparison.Ordinal);
        Assert.Contains("within 30 days", search, StringComparison.Ordinal);
        Assert.Contains("Name: Ada Lovelace", ToolResult(requests[2], "call_1_0"), StringComparison.Ordinal);
        Assert.Contains("how do I reset it?", ToolResult(requests[2], "call_1_1"), StringComparison.Ordinal);
        // Every round's tokens count, not only the final answer's.
        Assert.Equal(160, _ledger.Used("w1", Now));
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("secret")] // published, but in another workspace
    public async Task Draft_CitingAnArticleThatIsNotPublishedHere_IsRejected_ForTheOfflineDraft(string citedId)
    {
        _model.Reply($"Hi Ada, call our hotline to reset it [source:{citedId}].");

        var draft = await DraftAsync(Options());

        Assert.Equal("offline", draft.Engine);
        Assert.Contains($"cited article '{citedId}'", draft.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(draft.FallbackReason, draft.Signals[0].Detail);
        Assert.Equal(["reset"], draft.Citations.Select(c => c.ArticleId));
        Assert.DoesNotContain("hotline", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redaction_TheEndpointNeverSeesEmailOrPhone_AndTheDraftGetsThemBack()
    {
        var options = Options();
        options.Workspaces["w1"] = new WorkspaceAiOptions { RedactPersonalData = true };
        _model.CallTools(30, ("crm-get_customer_profile", new { }), ("crm-get_conversation_history", new { }))
            .Reply("Hi Ada, we sent a reset link to [EMAIL_1] [source:reset].");

        var draft = await DraftAsync(options);

        Assert.Equal(2, _model.Requests.Count);
        foreach (var request in _model.Requests)
        {
            Assert.DoesNotContain("ada@example.com", request.AllText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("555 123 4567", request.AllText, StringComparison.Ordinal);
            Assert.Contains("[EMAIL_1]", request.AllText, StringComparison.Ordinal);
            Assert.Contains("[PHONE_1]", request.AllText, StringComparison.Ordinal);
        }
        Assert.Contains("Email: [EMAIL_1]", ToolResult(_model.Requests.Last(), "call_0_0"), StringComparison.Ordinal);
        Assert.Contains("we sent a reset link to ada@example.com.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetSpent_TheOfflineEngineAnswers_WithTheReason_AndNothingIsSent()
    {
        var options = Options();
        options.MonthlyTokenBudget = 100;
        _model.Reply("Hi Ada, click Forgot password? [source:reset].", totalTokens: 150);

        var first = await DraftAsync(options);
        var second = await DraftAsync(options);

        Assert.Equal(LanguageModelAssistant.EngineName, first.Engine);
        Assert.Equal("offline", second.Engine);
        Assert.Contains("monthly token budget is used up (150 of 100 tokens)", second.FallbackReason, StringComparison.Ordinal);
        Assert.Single(_model.Requests);
        // Another workspace's budget is its own.
        Assert.Equal(0, _ledger.Used("w2", Now));
    }

    [Fact]
    public async Task EndpointDown_TheOfflineEngineAnswers_WithTheReason()
    {
        var options = Options();
        options.Endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";

        var draft = await DraftAsync(options);

        Assert.Equal("offline", draft.Engine);
        Assert.Contains("could not be reached or failed", draft.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(["reset"], draft.Citations.Select(c => c.ArticleId));
    }

    [Fact]
    public async Task EndpointError_TheOfflineEngineAnswers_WithTheReason()
    {
        _model.Fail(503);

        var draft = await DraftAsync(Options());

        Assert.Equal("offline", draft.Engine);
        Assert.Contains("could not be reached or failed", draft.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowModel_IsCancelledAtTheTimeout_AndTheOfflineEngineAnswers()
    {
        var options = Options();
        options.TimeoutSeconds = 0.3;
        _model.Hang();

        var draft = await DraftAsync(options);

        Assert.Equal("offline", draft.Engine);
        Assert.Equal("the language model did not answer within 0.3 s", draft.FallbackReason);
        Assert.Equal(0, _ledger.Used("w1", Now));
    }

    [Fact]
    public async Task Suggestions_CarryTheModelsDraft_OrWhyTheDraftIsOffline()
    {
        _model.Reply("Hi Ada, click Forgot password? on the sign-in page [source:reset].")
            .Fail(500);

        var drafted = await SuggestAsync(Options());
        var fellBack = await SuggestAsync(Options());

        var withModel = drafted.Single(a => a.Kind == ActionKind.SuggestArticle);
        Assert.StartsWith("Hi Ada, click Forgot password? on the sign-in page.", withModel.InsertText, StringComparison.Ordinal);
        Assert.Contains("Draft written by the language model", withModel.Reason, StringComparison.Ordinal);
        var offline = fellBack.Single(a => a.Kind == ActionKind.SuggestArticle);
        Assert.Contains("Offline draft: the language model endpoint could not be reached or failed", offline.Reason, StringComparison.Ordinal);
        Assert.Equal(["reset"], offline.Citations!.Select(c => c.ArticleId));
    }

    [Fact]
    public async Task Suggestions_WhenNoReplyIsOwed_SendNothing()
    {
        var context = Context() with { Messages = [.. Context().Messages, new ContextMessage(AuthorKind.Agent, "Sam", "Here is the link.", Now)] };

        await Assistant(Options()).SuggestActionsAsync(context, CancellationToken.None).WaitAsync(Deadline);

        Assert.Empty(_model.Requests);
    }

    private AiOptions Options() => new()
    {
        Endpoint = _model.Endpoint,
        Model = "scripted-model",
        ApiKey = "test-key",
        TimeoutSeconds = Deadline.TotalSeconds,
    };

    private LanguageModelAssistant Assistant(AiOptions options) =>
        new(engine.Assistant, engine.Index, LanguageModelConnector.Create(options), options, _ledger);

    private static AssistContext Context() =>
        new("w1", "c1", "Ada Lovelace", "ada@example.com",
            [new ContextMessage(AuthorKind.Customer, "Ada Lovelace", Question, Now.AddMinutes(-1))],
            Priority.Normal, null, false, Now, [], [], "Sam");

    private Task<DraftReply> DraftAsync(AiOptions options) =>
        Assistant(options).DraftReplyAsync(Context(), CancellationToken.None).WaitAsync(Deadline);

    private Task<IReadOnlyList<NextBestAction>> SuggestAsync(AiOptions options) =>
        Assistant(options).SuggestActionsAsync(Context(), CancellationToken.None).WaitAsync(Deadline);

    private static string ToolResult(RecordedRequest request, string callId) =>
        request.Messages.Single(m => m!["role"]!.GetValue<string>() == "tool" && m["tool_call_id"]!.GetValue<string>() == callId)!["content"]!.GetValue<string>();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
