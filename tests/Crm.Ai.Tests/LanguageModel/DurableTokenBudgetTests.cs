using Crm.Ai.LanguageModel;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Ai;
using Crm.Testing.Cluster;

namespace Crm.Ai.Tests.LanguageModel;

/// <summary>
/// Our orchestration around a language model, not a model, with the durable ledger: tokens reported by the scripted
/// endpoint go to the workspace's usage grain on a real two-silo cluster, so the budget holds across calls, nodes and
/// reactivations. Each test uses its own month, so the shared cluster's totals never mix.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DurableTokenBudgetTests(EngineFixture engine, CrmClusterFixture cluster) : IClassFixture<CrmClusterFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const string Question = "I forgot my password, how do I reset it?";

    private ScriptedChatEndpoint _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedChatEndpoint.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task TwoCalls_TheirTokensAddUp_InTheWorkspacesUsageGrain()
    {
        var now = new DateTimeOffset(2031, 1, 10, 9, 0, 0, TimeSpan.Zero);
        _model.Reply("Hi Ada, click Forgot password? [source:reset].", totalTokens: 120)
            .Reply("Hi Ada, we email you a reset link [source:reset].", totalTokens: 80);

        await DraftAsync(Options(), now);
        await DraftAsync(Options(), now.AddDays(3));

        var usage = cluster.Grains.GetGrain<IAiUsageGrain>(EngineFixture.Workspace);
        Assert.Equal(200, await usage.GetUsedAsync(now));
        Assert.Contains(new AiUsageMonth("2031-01", 200, 2), await usage.ListMonthsAsync());
        Assert.Equal(0, await cluster.Grains.GetGrain<IAiUsageGrain>(EngineFixture.OtherWorkspace).GetUsedAsync(now));
        var events = await cluster.ReadEventsAsync(StreamIds.AiUsage(EngineFixture.Workspace));
        Assert.Equal(2, events.OfType<Grains.Ai.Events.AiTokensUsed>().Count(e => e.Month == "2031-01"));
    }

    [Fact]
    public async Task PastTheBudget_TheOfflineEngineAnswers_WithTheReason_EvenAfterReactivation()
    {
        var now = new DateTimeOffset(2031, 2, 10, 9, 0, 0, TimeSpan.Zero);
        var options = Options();
        options.MonthlyTokenBudget = 100;
        _model.Reply("Hi Ada, click Forgot password? [source:reset].", totalTokens: 150);

        var first = await DraftAsync(options, now);
        await cluster.DeactivateAsync(cluster.Grains.GetGrain<IAiUsageGrain>(EngineFixture.Workspace));
        // A fresh assistant too: nothing of the first call is left in memory, only in the store.
        var second = await DraftAsync(options, now.AddHours(1));

        Assert.Equal(LanguageModelAssistant.EngineName, first.Engine);
        Assert.Equal("offline", second.Engine);
        Assert.Contains("monthly token budget is used up (150 of 100 tokens)", second.FallbackReason, StringComparison.Ordinal);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task ANewMonth_StartsAFreshBudget()
    {
        var march = new DateTimeOffset(2031, 3, 31, 23, 0, 0, TimeSpan.Zero);
        var options = Options();
        options.MonthlyTokenBudget = 100;
        _model.Reply("Hi Ada, click Forgot password? [source:reset].", totalTokens: 150)
            .Reply("Hi Ada, we email you a reset link [source:reset].", totalTokens: 90);

        await DraftAsync(options, march);
        var april = await DraftAsync(options, march.AddHours(2));

        Assert.Equal(LanguageModelAssistant.EngineName, april.Engine);
        Assert.Equal(90, await cluster.Grains.GetGrain<IAiUsageGrain>(EngineFixture.Workspace).GetUsedAsync(march.AddHours(2)));
    }

    private AiOptions Options() => new()
    {
        Endpoint = _model.Endpoint,
        Model = "scripted-model",
        ApiKey = "test-key",
        TimeoutSeconds = Deadline.TotalSeconds,
    };

    private Task<DraftReply> DraftAsync(AiOptions options, DateTimeOffset now) =>
        new LanguageModelAssistant(engine.Assistant, engine.Index, LanguageModelConnector.Create(options), options, new GrainTokenLedger(cluster.Grains))
            .DraftReplyAsync(Context(now), CancellationToken.None).WaitAsync(Deadline);

    private static AssistContext Context(DateTimeOffset now) =>
        new(EngineFixture.Workspace, "c1", "Ada Lovelace", "ada@example.com",
            [new ContextMessage(AuthorKind.Customer, "Ada Lovelace", Question, now.AddMinutes(-1))],
            Priority.Normal, null, false, now, [], [], "Sam");
}
