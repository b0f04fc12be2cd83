using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Pipelines;
using Xunit;

namespace Crm.Grains.Tests.Deals;

public sealed class PipelineRulesTests
{
    private static readonly PipelineStage[] Good =
    [
        new("new", "New", 20, StageOutcome.Open), new("won", "Won", 100, StageOutcome.Won), new("lost", "Lost", 0, StageOutcome.Lost),
    ];

    [Fact]
    public void Require_OpenWonAndLostStages_Accepted() =>
        Assert.Equal(3, PipelineRules.Require(new DefinePipeline("renewals", " Renewals ", Good, "user:admin")).Stages.Count);

    public static TheoryData<PipelineStage[], string> BadStages => new()
    {
        { [Good[0], Good[1]], "A pipeline has 3–30 stages." },
        { [Good[0], Good[0] with { StageId = "two" }, Good[1]], "A pipeline needs at least one lost stage." },
        { [Good[0] with { Probability = 120 }, Good[1], Good[2]], "Stage 'new': the probability is 0–100 %, not 120." },
        { [Good[0], Good[1] with { Probability = 90 }, Good[2]], "Won stage 'won' has a probability of 100 %." },
        { [Good[0], Good[0], Good[1], Good[2]], "Stage ids must differ from each other." },
    };

    [Theory]
    [MemberData(nameof(BadStages))]
    public void Require_BadStages_RefusedWithTheReason(PipelineStage[] stages, string reason)
    {
        var refused = Assert.Throws<DomainException>(() => PipelineRules.Require(new DefinePipeline("p", "P", stages, "user:admin")));

        Assert.Equal(reason, refused.Message);
    }
}
