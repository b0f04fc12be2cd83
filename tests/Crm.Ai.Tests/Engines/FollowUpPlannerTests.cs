using Crm.Ai.Engines;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Ai.Tests.Engines;

/// <summary>Each follow-up signal on a crafted situation: given a rep's deals and customers' words, then which suggestion, why, and its draft.</summary>
public sealed class FollowUpPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_DealIdlePastTheThreshold_SuggestsANudgeWithDaysAndProbability()
    {
        var idle = Deal("d1", stageEntered: Now.AddDays(-21));
        var fresh = Deal("d2", stageEntered: Now.AddDays(-3));

        var suggestions = FollowUpPlanner.Plan(Context([idle, fresh], [Customer("c1", "Ada Lovelace", [])]));

        var nudge = Assert.Single(suggestions);
        Assert.Equal(FollowUpKind.IdleDeal, nudge.Kind);
        Assert.Equal("d1", nudge.DealId);
        Assert.Equal("Engines d1", nudge.DealTitle); // the console links the deal list filtered to it
        Assert.Contains("21 days in Proposal", nudge.Signals[0].Detail, StringComparison.Ordinal);
        Assert.Equal(["days in stage", "stage probability"], nudge.Signals.Select(s => s.Name));
        Assert.StartsWith("Hi Ada, I wanted to check in on Engines d1.", nudge.Draft, StringComparison.Ordinal);
        Assert.Equal("rep-1", nudge.OwnerId);
    }

    [Fact]
    public void Plan_CloseDatePassed_SuggestsReplanning_AndAFutureDateDoesNot()
    {
        var late = Deal("d1", stageEntered: Now.AddDays(-2), close: new DateOnly(2026, 11, 20));
        var onTime = Deal("d2", stageEntered: Now.AddDays(-2), close: new DateOnly(2026, 12, 20));

        var suggestion = Assert.Single(FollowUpPlanner.Plan(Context([late, onTime], [])));

        Assert.Equal(FollowUpKind.CloseDatePassed, suggestion.Kind);
        Assert.Equal("close-date:d1:20261120", suggestion.SuggestionId);
        Assert.Contains("15 days ago", suggestion.Reason, StringComparison.Ordinal);
        Assert.Contains("by November 20", suggestion.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CustomerAsksForAQuote_IsBuyingIntentWithTheWordsAndWeights()
    {
        var asking = Customer("c1", "Grace Hopper", ["Could you send us a quote for 20 more seats? We want to upgrade."]);
        var chatting = Customer("c2", "Alan Turing", ["My password reset link expired."]);

        var suggestion = Assert.Single(FollowUpPlanner.Plan(Context([], [asking, chatting])));

        Assert.Equal(FollowUpKind.BuyingIntent, suggestion.Kind);
        Assert.Equal("c1", suggestion.CustomerId);
        Assert.Equal("conv-c1", suggestion.ConversationId);
        var words = suggestion.Signals.Single(s => s.Name == "buying words");
        Assert.Contains("\"quote\"", words.Detail, StringComparison.Ordinal);
        Assert.Contains("\"upgrade\"", words.Detail, StringComparison.Ordinal);
        Assert.Equal(0.7, words.Weight);
        Assert.StartsWith("Hi Grace, thanks for asking about quote and upgrade.", suggestion.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is the price of the pro plan?", true)]
    [InlineData("We'd like a demo next week", true)]
    [InlineData("Can we buy more licenses?", true)]
    [InlineData("The contract renewal is due", true)]
    [InlineData("Thanks, that fixed it", false)]
    [InlineData("The printer is priceless", false)] // a whole word, not a fragment
    public void BuyingSignals_FindWholeWordCues(string text, bool expected) =>
        Assert.Equal(expected, BuyingSignals.Any(text));

    [Fact]
    public void Plan_ManySignals_RankedByScore_AndIdsAreStablePerSituation()
    {
        var veryIdle = Deal("d1", stageEntered: Now.AddDays(-60), probability: 80);
        var barelyIdle = Deal("d2", stageEntered: Now.AddDays(-15), probability: 10);

        var first = FollowUpPlanner.Plan(Context([barelyIdle, veryIdle], []));
        var again = FollowUpPlanner.Plan(Context([barelyIdle, veryIdle], []) with { Now = Now.AddHours(3) });

        Assert.Equal(["d1", "d2"], first.Select(s => s.DealId));
        Assert.Equal(first.Select(s => s.SuggestionId), again.Select(s => s.SuggestionId));
    }

    private static FollowUpContext Context(IReadOnlyList<DealDetails> deals, IReadOnlyList<CustomerExcerpt> customers) =>
        new("w1", "rep-1", Now, deals, customers);

    private static DealDetails Deal(string id, DateTimeOffset stageEntered, DateOnly? close = null, int probability = 40) =>
        new("w1", id, $"Engines {id}", "default", "proposal", "Proposal", probability, StageOutcome.Open, null, 1200, "EUR", close, "rep-1",
            ["c1"], null, stageEntered, stageEntered, stageEntered, 1);

    private static CustomerExcerpt Customer(string id, string name, IReadOnlyList<string> said) =>
        new(id, name, null, $"conv-{id}", said.Select((text, i) => new ContextMessage(AuthorKind.Customer, name, text, Now.AddHours(-said.Count + i))).ToList());
}
