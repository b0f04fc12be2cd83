using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Ai.Tests.Engines;

[Collection(EngineCollection.Name)]
public sealed class OfflineAssistantTests(EngineFixture engine)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly CannedOption[] Canned =
    [
        new("thanks", "Closing", "Thanks for your patience. Is there anything else I can do for you?"),
        new("hello", "Greeting", "Hi, thanks for reaching out! I'll help you with this."),
    ];

    [Fact]
    public async Task Search_Paraphrase_FindsTheArticleWithItsSignals()
    {
        var matches = await engine.Assistant.SearchArticlesAsync(EngineFixture.Workspace, "I forgot my login credentials", 3, CancellationToken.None);

        Assert.Equal("reset", matches[0].ArticleId);
        Assert.Equal(["semantic similarity", "title similarity", "keyword match (BM25)"], matches[0].Signals.Select(s => s.Name));
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherWorkspacesArticles()
    {
        var matches = await engine.Assistant.SearchArticlesAsync(EngineFixture.OtherWorkspace, "how do I reset my password", 5, CancellationToken.None);

        Assert.All(matches, m => Assert.Equal("secret", m.ArticleId));
    }

    [Fact]
    public async Task Draft_QuotesThePassage_AndCitesEveryArticleItUses()
    {
        var draft = await engine.Assistant.DraftReplyAsync(Context("How do I reset my password?"), CancellationToken.None);

        Assert.Equal(["reset"], draft.Citations.Select(c => c.ArticleId));
        Assert.Contains("Forgot password?", draft.Text, StringComparison.Ordinal);
        Assert.Contains("/help/w1/articles/reset", draft.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hi Sam,", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_NothingConfident_IsEmptyAndCitesNothing()
    {
        var draft = await engine.Assistant.DraftReplyAsync(Context("Quelle est la capitale de la Mongolie ?"), CancellationToken.None);

        Assert.Equal("", draft.Text);
        Assert.Empty(draft.Citations);
    }

    [Fact]
    public async Task Suggest_PlainQuestion_SuggestsTheArticleFirst()
    {
        var actions = await engine.Assistant.SuggestActionsAsync(Context("What is your refund policy?"), CancellationToken.None);

        Assert.Equal(ActionKind.SuggestArticle, actions[0].Kind);
        Assert.Equal("refunds", actions[0].Reference);
        Assert.NotEmpty(actions[0].InsertText);
    }

    [Fact]
    public async Task Suggest_CaseWithoutItsOrderNumber_AsksForIt()
    {
        var actions = await engine.Assistant.SuggestActionsAsync(Context("My package says delivered but it's not here"), CancellationToken.None);

        Assert.Equal(ActionKind.AskForDetails, actions[0].Kind);
        Assert.Contains("order number", actions[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_SameCaseWithTheOrderNumber_DoesNotAskAgain()
    {
        var actions = await engine.Assistant.SuggestActionsAsync(Context("My package #48213 says delivered but it's not here"), CancellationToken.None);

        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.AskForDetails);
    }

    [Fact]
    public async Task Suggest_AngryCustomer_EscalatesAndSaysWhy()
    {
        var actions = await engine.Assistant.SuggestActionsAsync(Context("This is the THIRD TIME I ask for my refund. Unacceptable!!"), CancellationToken.None);

        Assert.Equal(ActionKind.Escalate, actions[0].Kind);
        Assert.Contains("negative sentiment", actions[0].Reason, StringComparison.Ordinal);
        Assert.Contains(actions[0].Signals, s => s.Name == "negative sentiment" && s.Value >= 0.5);
    }

    [Fact]
    public async Task Suggest_SlaAboutToBreach_Escalates()
    {
        var actions = await engine.Assistant.SuggestActionsAsync(
            Context("What is your refund policy?") with { SlaDueAt = Now.AddMinutes(2) }, CancellationToken.None);

        Assert.Equal(ActionKind.Escalate, actions[0].Kind);
        Assert.Contains(actions[0].Signals, s => s.Name == "SLA at risk");
    }

    [Fact]
    public async Task Suggest_CustomerSaysThanks_OffersTheClosingCannedResponse()
    {
        var context = Context("How do I reset my password?", "Click Forgot password on the sign-in page.", "great, thanks!");

        var actions = await engine.Assistant.SuggestActionsAsync(context, CancellationToken.None);

        Assert.Equal((ActionKind.UseCannedResponse, "thanks"), (actions[0].Kind, actions[0].Reference));
    }

    [Fact]
    public async Task Suggest_CustomerWroteFromAnotherAccount_MergesTheDuplicate()
    {
        var context = Context("I already wrote to you from my other email address") with { Duplicates = [new DuplicateCandidate("sam-2", "Sam C.", "phone")] };

        var actions = await engine.Assistant.SuggestActionsAsync(context, CancellationToken.None);

        Assert.Equal((ActionKind.MergeDuplicate, "sam-2"), (actions[0].Kind, actions[0].Reference));
    }

    [Fact]
    public async Task Summarize_TakesSentencesFromTheThread()
    {
        var context = Context("My parcel never came. Can you check it?", "I have opened a claim with the carrier. I will email you once they answer.");

        var digest = await engine.Assistant.SummarizeAsync(context, CancellationToken.None);

        Assert.Equal(["My parcel never came.", "Can you check it?"], digest.Asked);
        Assert.Equal(["I have opened a claim with the carrier."], digest.Done);
        Assert.Equal(["I will email you once they answer."], digest.Pending);
    }

    [Fact]
    public void RankAttention_BreachedAndAngryFirst_CalmAndAnsweredLeftOut()
    {
        var ranked = engine.Assistant.RankAttention(
        [
            new AttentionCandidate("calm", "Cal", "thanks!", null, null, false, Priority.Normal, 0),
            new AttentionCandidate("waiting", "Wai", "any news?", Now.AddMinutes(-40), null, false, Priority.Normal, 0),
            new AttentionCandidate("angry", "Ang", "This is unacceptable, worst service!!", Now.AddMinutes(-5), null, true, Priority.High, 2),
        ], Now);

        Assert.Equal(["angry", "waiting"], ranked.Select(r => r.ConversationId));
        Assert.Contains("SLA breached", ranked[0].Reason, StringComparison.Ordinal);
    }

    private static AssistContext Context(params string[] turns) => new(
        EngineFixture.Workspace, "c1", "Sam Carter", "sam@example.com",
        turns.Select((t, i) => new ContextMessage(i % 2 == 0 ? AuthorKind.Customer : AuthorKind.Agent, i % 2 == 0 ? "Sam" : "Alex", t, Now.AddMinutes(i - turns.Length))).ToList(),
        Priority.Normal, null, false, Now, Canned, [], "Alex");
}
