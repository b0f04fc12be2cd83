using Crm.Ai.Retrieval;
using Crm.Ai.Text;

namespace Crm.Ai.Tests.Retrieval;

public sealed class TextRetrievalTests
{
    [Fact]
    public void Bm25_TypoOfACorpusTerm_StillScoresTheDocument()
    {
        var bm25 = new Bm25([TextTokens.Tokenize("reset your password"), TextTokens.Tokenize("refund policy")]);

        var scores = bm25.Score("forgot pasword");

        Assert.True(scores[0] > 0 && scores[1] == 0, $"scores {string.Join(", ", scores)}");
    }

    [Theory]
    [InlineData("password", "pasword", true)]
    [InlineData("receive", "recieve", true)]
    [InlineData("refund", "refunds", true)]
    [InlineData("refund", "return", false)]
    public void EditDistance_WithinOne(string a, string b, bool expected) => Assert.Equal(expected, EditDistance.WithinOne(a, b));

    [Fact]
    public void Splitter_TitleFirst_ThenOnePassagePerSection_WithoutMarkdown()
    {
        var pieces = PassageSplitter.Split("Returns", "Intro text that is long enough to stand on its own as a passage here.\n\n## Start a return\n1. Open **Orders**.\n2. Click [Return](/returns).");

        Assert.Equal(("", "Returns"), (pieces[0].Heading, pieces[0].Text));
        Assert.Equal("Start a return", pieces[^1].Heading);
        Assert.Equal("Open Orders. Click Return.", pieces[^1].Text);
    }

    [Fact]
    public void Quote_ShortLead_ComesWithTheStepsAfterIt_OtherPassagesAlone()
    {
        // A draft quoting "you can set a new one yourself" without the steps would tell the customer nothing.
        var pieces = PassageSplitter.Split("Reset your password",
            "If you forgot your password, you can set a new one yourself in a minute.\n\n## From the sign-in page\n1. Click **Forgot password?**.\n2. Enter your email.\n\n## No email\nCheck your spam folder, then ask us for a new link if it still has not arrived after ten minutes.");
        var article = new IndexedArticle(null!, pieces.Select((p, i) => new Passage("a1", i, p.Heading, p.Text, [])).ToList());

        Assert.Equal("If you forgot your password, you can set a new one yourself in a minute.\n\nClick Forgot password?. Enter your email.", article.Quote(article.Passages[1]));
        Assert.Equal(article.Passages[^1].Text, article.Quote(article.Passages[^1]));
    }

    [Fact]
    public void Sentiment_CalmVersusFurious()
    {
        Assert.Equal(0, Sentiment.Read("Could you tell me when my parcel arrives?").Score);
        Assert.True(Sentiment.Read("This is UNACCEPTABLE, worst service EVER!!").Score >= 0.8);
    }

    [Fact]
    public void MissingDetails_OnlyWhatTheArticleAsksAndTheCustomerDidNotGive()
    {
        const string article = "Contact us with your order number and a photo of the damage.";

        Assert.Equal(["order number", "photo"], MissingDetails.Missing(article, ["It arrived broken"]).Select(d => d.Name));
        Assert.Equal(["photo"], MissingDetails.Missing(article, ["Order #55231 arrived broken"]).Select(d => d.Name));
    }
}
