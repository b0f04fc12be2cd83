using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai;
using Xunit;

namespace Crm.Grains.Tests.Ai;

/// <summary>The team's verdicts move the ranking of agent suggestions, within bounds, once there are enough of them.</summary>
public sealed class AcceptanceRankingTests
{
    private static readonly NextBestAction Article = new(ActionKind.SuggestArticle, "Suggest \"Refunds\"", "It answers.", 0.70, []);
    private static readonly NextBestAction Canned = new(ActionKind.UseCannedResponse, "Use /refund", "A saved reply matches.", 0.75, []);

    [Fact]
    public void Rerank_ArticlesKeptInsertedAndCannedKeptDismissed_ArticleComesFirstAndSaysWhy()
    {
        var ranked = AcceptanceRanking.Rerank([Canned, Article],
        [
            new SuggestionAcceptance(AcceptanceRanking.KindOf(ActionKind.SuggestArticle), Accepted: 9, Edited: 1, Rejected: 0),
            new SuggestionAcceptance(AcceptanceRanking.KindOf(ActionKind.UseCannedResponse), Accepted: 1, Edited: 0, Rejected: 11),
        ]);

        Assert.Equal([ActionKind.SuggestArticle, ActionKind.UseCannedResponse], ranked.Select(a => a.Kind));
        Assert.Equal(0.84, ranked[0].Score, 3);
        var why = Assert.Single(ranked[0].Signals);
        Assert.Equal(("accepted by your team", 1.0), (why.Name, why.Value));
        Assert.True(ranked[1].Score >= Canned.Score * 0.8, "A verdict moves a score by at most a fifth.");
    }

    [Fact]
    public void Rerank_FewerThanTenVerdicts_ChangesNothing()
    {
        var ranked = AcceptanceRanking.Rerank([Canned, Article],
            [new SuggestionAcceptance(AcceptanceRanking.KindOf(ActionKind.UseCannedResponse), Accepted: 0, Edited: 0, Rejected: 9)]);

        Assert.Equal([Canned, Article], ranked);
    }

    [Fact]
    public void KindOf_NamesAgentSuggestionsApartFromSalesFollowUps() =>
        Assert.Equal("agent.suggest-article", AcceptanceRanking.KindOf(ActionKind.SuggestArticle));
}
