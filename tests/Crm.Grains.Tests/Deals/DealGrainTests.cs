using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Deals.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Deals;

/// <summary>Deals through a pipeline: every stage change an event, won/lost with a reason, days in stage, and the weighted forecast.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DealGrainTests(CrmClusterFixture cluster)
{
    private const string Rep = "agent:bob";
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IDealGrain Deal(string id) => cluster.Grains.GetGrain<IDealGrain>(GrainKeys.Scoped(workspaceId, id));

    private static CreateDeal NewDeal(decimal amount = 1000, string currency = "eur", DateOnly? close = null, string owner = "bob") =>
        new("Engines", "sales", "lead", amount, currency, close, owner, [], null, Rep);

    [Fact]
    public async Task MoveAsync_ThroughStagesToWon_EachChangeAnEventWithProbabilityAndDaysInStage()
    {
        var created = await Deal("d1").CreateAsync(NewDeal());
        cluster.Clock.Advance(TimeSpan.FromDays(3));
        await Deal("d1").MoveAsync(new MoveDeal("proposal", null, Rep));
        cluster.Clock.Advance(TimeSpan.FromDays(2));

        var proposal = await Deal("d1").GetDetailsAsync();
        var won = await Deal("d1").MoveAsync(new MoveDeal("won", "Signed after the demo", Rep));

        Assert.Equal(("lead", 10, "EUR"), (created.StageId, created.Probability, created.Currency));
        Assert.Equal((50, 2), (proposal.Probability, proposal.DaysInStage(cluster.Clock.GetUtcNow())));
        Assert.Equal((StageOutcome.Won, 100, "Signed after the demo"), (won.Outcome, won.Probability, won.Reason));
        var changes = (await cluster.ReadEventsAsync(StreamIds.For(StreamIds.DealCategory, workspaceId, "d1"))).OfType<DealStageChanged>().ToList();
        Assert.Equal([("lead", "proposal"), ("proposal", "won")], changes.Select(c => (c.FromStageId, c.StageId)));
    }

    [Fact]
    public async Task MoveAsync_ToLostWithoutReasonOrUnknownStage_RefusedAndNothingWritten()
    {
        await Deal("d1").CreateAsync(NewDeal());

        var noReason = await Assert.ThrowsAsync<DomainException>(() => Deal("d1").MoveAsync(new MoveDeal("lost", " ", Rep)));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Deal("d1").MoveAsync(new MoveDeal("closing", null, Rep)));

        Assert.Equal("Say why the deal was won or lost: closing it needs a reason.", noReason.Message);
        Assert.StartsWith("'closing' is not a stage of pipeline 'Sales'", unknown.Message);
        Assert.Single(await cluster.ReadEventsAsync(StreamIds.For(StreamIds.DealCategory, workspaceId, "d1")));
    }

    public static TheoryData<CreateDeal, string> BadDeals => new()
    {
        { NewDeal(amount: -1), "A deal's amount cannot be negative (-1)." },
        { NewDeal(currency: "EURO"), "'EURO' is not an ISO 4217 currency code (e.g. EUR, USD, GBP)." },
        { NewDeal() with { StageId = "won" }, "A deal starts in an open stage, not in 'Won'." },
        { NewDeal() with { PipelineId = "enterprise" }, "There is no pipeline 'enterprise' in this workspace." },
    };

    [Theory]
    [MemberData(nameof(BadDeals))]
    public async Task CreateAsync_BadDeal_RefusedWithTheReason(CreateDeal command, string reason)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Deal("d1").CreateAsync(command));

        Assert.Equal((DomainErrorKind.Invalid, reason), (refused.Kind, refused.Message));
    }

    [Fact]
    public async Task MoveAsync_AsAnotherRep_RefusedAsForbidden()
    {
        await Deal("d1").CreateAsync(NewDeal(owner: "bob"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Deal("d1").MoveAsync(new MoveDeal("proposal", null, "agent:carol", AsOwner: "carol")));

        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
        Assert.Equal("lead", (await Deal("d1").GetDetailsAsync()).StageId);
    }

    [Fact]
    public async Task GetForecastAsync_OpenDealsByMonthOwnerAndCurrency_WeightedByStage()
    {
        var march = new DateOnly(2027, 3, 15);
        await Deal("d1").CreateAsync(NewDeal(1000, "EUR", march, "bob"));
        await Deal("d2").CreateAsync(NewDeal(3000, "EUR", march.AddDays(10), "bob"));
        await Deal("d2").MoveAsync(new MoveDeal("negotiation", null, Rep));
        await Deal("d3").CreateAsync(NewDeal(500, "USD", march, "bob"));
        await Deal("d4").CreateAsync(NewDeal(9000, "EUR", march.AddMonths(1), "carol"));
        await Deal("d5").CreateAsync(NewDeal(7000, "EUR", march, "bob"));
        await Deal("d5").MoveAsync(new MoveDeal("lost", "Budget cut", Rep));

        var forecast = await cluster.Grains.GetGrain<IDealBoardGrain>(workspaceId).GetForecastAsync("2027-03", "2027-04");

        Assert.Equal(
        [
            new ForecastRow("2027-03", "bob", "EUR", 2, 4000, 2350),
            new ForecastRow("2027-03", "bob", "USD", 1, 500, 50),
            new ForecastRow("2027-04", "carol", "EUR", 1, 9000, 900),
        ], forecast);
    }
}
