using Crm.Ai.Engines;
using Crm.Ai.LanguageModel;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>
/// Our orchestration of follow-up drafts around a language model, not a model: a scripted OpenAI-compatible endpoint
/// plays the model through the real Semantic Kernel connector; we check what is sent, and when and why the offline
/// draft stays.
/// </summary>
public sealed class FollowUpDrafterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private ScriptedChatEndpoint _model = null!;
    private readonly MemoryTokenLedger _ledger = new();

    public async Task InitializeAsync() => _model = await ScriptedChatEndpoint.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task ModelDraft_FromTheSuggestionsFactsOnly_ReplacesTheOfflineDraft_AndCountsTokens()
    {
        _model.Reply("Hi Ada, it has been 21 days since we last moved Engines d1 forward. Shall we book a short call?", totalTokens: 90);

        var suggestion = Assert.Single(await SuggestAsync(Options()));

        Assert.Equal(LanguageModelAssistant.EngineName, suggestion.Engine);
        Assert.StartsWith("Hi Ada, it has been 21 days", suggestion.Draft, StringComparison.Ordinal);
        Assert.Null(suggestion.FallbackReason);
        var prompt = Assert.Single(_model.Requests).AllText;
        Assert.Contains("Nudge Engines d1", prompt, StringComparison.Ordinal);
        Assert.Contains("never", prompt, StringComparison.Ordinal);
        Assert.Equal(90, _ledger.Used("w1", Now));
    }

    [Fact]
    public async Task ModelDraft_StatingANumberNotInTheRecord_IsDropped_ForTheOfflineDraftWithTheReason()
    {
        _model.Reply("Hi Ada, I can offer you a 25 % discount on Engines d1 if you sign this week.");

        var suggestion = Assert.Single(await SuggestAsync(Options()));

        Assert.Equal("offline", suggestion.Engine);
        Assert.Contains("stated '25'", suggestion.FallbackReason, StringComparison.Ordinal);
        Assert.StartsWith("Hi Ada, I wanted to check in on Engines d1.", suggestion.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointError_OrSpentBudget_KeepsTheOfflineDraft_WithTheReason()
    {
        _model.Fail(503);
        var options = Options();

        var failed = Assert.Single(await SuggestAsync(options));
        options.MonthlyTokenBudget = 0;
        var spent = Assert.Single(await SuggestAsync(options));

        Assert.Contains("could not be reached or failed", failed.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("monthly token budget is used up", spent.FallbackReason, StringComparison.Ordinal);
        Assert.Single(_model.Requests);
    }

    private AiOptions Options() => new()
    {
        Endpoint = _model.Endpoint,
        Model = "scripted-model",
        ApiKey = "test-key",
        TimeoutSeconds = Deadline.TotalSeconds,
    };

    private Task<IReadOnlyList<FollowUpSuggestion>> SuggestAsync(AiOptions options) =>
        new FollowUpDrafter(new FollowUpPlanner(), LanguageModelConnector.Create(options), options, _ledger)
            .SuggestFollowUpsAsync(Context(), CancellationToken.None).WaitAsync(Deadline);

    private static FollowUpContext Context()
    {
        var entered = Now.AddDays(-21);
        var deal = new DealDetails("w1", "d1", "Engines d1", "default", "proposal", "Proposal", 40, StageOutcome.Open, null, 1200, "EUR", null, "rep-1",
            ["c1"], null, entered, entered, entered, 1);
        return new FollowUpContext("w1", "rep-1", Now, [deal], [new CustomerExcerpt("c1", "Ada Lovelace", null, null, [])]);
    }
}
