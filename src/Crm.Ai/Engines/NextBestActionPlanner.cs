using Crm.Ai.Text;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.Engines;

/// <summary>
/// Weighs what an agent could do next. Each candidate action gets a score in 0–1 from explicit signals with fixed
/// weights, and says which signals made it; the list is ranked by score. A person decides: nothing here acts.
/// </summary>
public static class NextBestActionPlanner
{
    public static readonly TimeSpan SlaRiskWindow = TimeSpan.FromMinutes(15);
    private const double NegativeSentiment = 0.5;
    private const double MinCanned = 0.5;
    private const double MinScore = 0.3;
    private const double VagueMatch = 0.5;

    public sealed record CannedMatch(CannedOption Canned, double Similarity);

    public static IReadOnlyList<NextBestAction> Plan(
        AssistContext context, IReadOnlyList<ArticleMatch> matches, string topArticleBody, CannedMatch? canned, DraftReply draft)
    {
        var question = ConversationText.PendingQuestion(context);
        var actions = new List<NextBestAction>();
        if (Escalation(context, question) is { } escalate) actions.Add(escalate);
        var smallTalk = Intent.IsSmallTalk(question);
        var top = smallTalk ? null : matches.FirstOrDefault();
        var contentWords = TextTokens.Tokenize(question).Count;
        if (!smallTalk && contentWords <= 2 && (top is null || top.Score < VagueMatch))
        {
            actions.Add(new NextBestAction(ActionKind.AskForDetails, "Ask what they need",
                "The message is too short to know what the customer needs.", 0.7,
                [new Signal("content words", contentWords, 0.7, "2 or fewer"), new Signal("best article match", top?.Score ?? 0, 0, $"below {VagueMatch}")],
                $"Hi {FirstName(context)}, happy to help! Could you tell me a little more about what you need?"));
        }
        if (top is not null)
        {
            var missing = Intent.IsCaseRequest(question)
                ? MissingDetails.Missing(topArticleBody, ConversationText.CustomerTexts(context))
                : [];
            // Asking comes first: the article's own steps cannot be followed without what is missing.
            if (missing.Count > 0) actions.Add(AskFor(context, top, missing, Math.Round(Math.Clamp(ArticleScore(top) + 0.05, 0.8, 0.95), 3)));
            actions.Add(new NextBestAction(ActionKind.SuggestArticle, $"Suggest \"{top.Title}\"",
                $"It answers the customer's question (match {top.Score:0.00}).", ArticleScore(top),
                top.Signals, draft.Text, top.ArticleId, draft.Citations));
        }
        // Small talk always has a fitting saved reply if there is any: the closest one.
        if (canned is not null && (canned.Similarity >= MinCanned || smallTalk))
        {
            var score = smallTalk ? 0.55 + 0.4 * canned.Similarity : 0.9 * canned.Similarity;
            actions.Add(new NextBestAction(ActionKind.UseCannedResponse, $"Use /{canned.Canned.Shortcut}",
                smallTalk ? "The customer is greeting or closing; a saved reply fits." : "A saved reply matches the message.",
                Math.Round(score, 3),
                [new Signal("canned response similarity", Math.Round(canned.Similarity, 3), smallTalk ? 0.4 : 0.9),
                 new Signal("greeting or closing", smallTalk ? 1 : 0, 0.55)],
                canned.Canned.Body, canned.Canned.Shortcut));
        }
        var otherAccount = Intent.MentionsOtherAccount(question);
        actions.AddRange(context.Duplicates.Select(d => new NextBestAction(ActionKind.MergeDuplicate, $"Merge with {d.Name}",
            $"Another customer shares this one's {d.SharedField}{(otherAccount ? ", and the customer says they wrote from another account" : "")}: probably the same person.",
            otherAccount ? 0.9 : 0.45,
            [new Signal($"same {d.SharedField}", 1, 0.45), new Signal("customer mentions another account", otherAccount ? 1 : 0, 0.45)], "", d.CustomerId)));
        return actions.Where(a => a.Score >= MinScore).OrderByDescending(a => a.Score).ToList();
    }

    private static NextBestAction? Escalation(AssistContext context, string question)
    {
        var signals = new List<Signal>();
        double score = 0;
        var mood = Sentiment.Read(question);
        if (mood.Score >= NegativeSentiment)
        {
            score = 0.65 + 0.35 * mood.Score;
            signals.Add(new Signal("negative sentiment", Math.Round(mood.Score, 2), 0.35, string.Join(", ", mood.Cues)));
        }
        if (context.SlaBreached)
        {
            score = Math.Max(score, 0.95);
            signals.Add(new Signal("SLA breached", 1, 0.95));
        }
        else if (context.SlaDueAt is { } due && due - context.Now < SlaRiskWindow)
        {
            var risk = 1 - Math.Clamp((due - context.Now) / SlaRiskWindow, 0, 1);
            score = Math.Max(score, 0.85 + 0.14 * risk);
            signals.Add(new Signal("SLA at risk", Math.Round(risk, 2), 0.14, $"due in {Math.Max(0, (due - context.Now).TotalMinutes):0} min"));
        }
        if (signals.Count == 0) return null;
        if (signals.Count > 1) score = Math.Min(1, score + 0.05);
        if (context.PriorConversations >= 2) signals.Add(new Signal("repeated contact", context.PriorConversations, 0.05));
        return new NextBestAction(ActionKind.Escalate, "Escalate to a supervisor",
            string.Join("; ", signals.Select(s => s.Detail is null ? s.Name : $"{s.Name} ({s.Detail})")) + ".", Math.Round(score, 3), signals);
    }

    private static double ArticleScore(ArticleMatch match) => Math.Round(0.35 + 0.6 * match.Score, 3);

    private static NextBestAction AskFor(AssistContext context, ArticleMatch top, IReadOnlyList<MissingDetails.Detail> missing, double score)
    {
        var wanted = string.Join(" and ", missing.Select(d => d.Question));
        return new NextBestAction(ActionKind.AskForDetails, $"Ask for {string.Join(" and ", missing.Select(d => d.Name))}",
            $"\"{top.Title}\" needs it to act on this case, and the customer has not given it yet.", score,
            [new Signal("case needs details", 1, score, string.Join(", ", missing.Select(d => d.Name))), new Signal("article match", top.Score, 0)],
            $"Hi {FirstName(context)}, I'm sorry about this — I'll sort it out for you. Could you send me {wanted}?", top.ArticleId,
            [new Citation(top.ArticleId, top.Slug, top.Title, top.Version)]);
    }

    private static string FirstName(AssistContext context) =>
        context.CustomerName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there";
}
