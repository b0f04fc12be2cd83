using Crm.Ai.Text;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Ai.Engines;

/// <summary>
/// The supervisor's attention list: each live conversation scored by a weighted sum of four signals — negative
/// sentiment, SLA risk, how long the customer has waited in silence, repeated contact — plus urgency; those below a
/// floor are left out. Each item names the signals that put it there.
/// </summary>
public static class AttentionRanker
{
    private const double SentimentWeight = 0.35;
    private const double SlaWeight = 0.35;
    private const double SilenceWeight = 0.2;
    private const double RepeatWeight = 0.1;
    private const double Floor = 0.2;
    private static readonly TimeSpan LongSilence = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<AttentionItem> Rank(IReadOnlyList<AttentionCandidate> conversations, DateTimeOffset now) =>
        conversations.Select(c => Score(c, now)).Where(i => i.Score >= Floor).OrderByDescending(i => i.Score).ToList();

    private static AttentionItem Score(AttentionCandidate c, DateTimeOffset now)
    {
        var mood = Sentiment.Read(c.LastCustomerText);
        var sla = c.SlaBreached ? 1 : c.SlaDueAt is { } due ? 1 - Math.Clamp((due - now) / NextBestActionPlanner.SlaRiskWindow, 0, 1) : 0;
        var silence = c.WaitingSince is { } since ? Math.Clamp((now - since) / LongSilence, 0, 1) : 0;
        var repeat = Math.Clamp((c.PriorConversations - 1) / 2.0, 0, 1);
        var signals = new List<Signal>
        {
            new("negative sentiment", Math.Round(mood.Score, 2), SentimentWeight, mood.Cues.Count > 0 ? string.Join(", ", mood.Cues) : null),
            new(c.SlaBreached ? "SLA breached" : "SLA risk", Math.Round(sla, 2), SlaWeight),
            new("waiting in silence", Math.Round(silence, 2), SilenceWeight, c.WaitingSince is { } w ? $"{(now - w).TotalMinutes:0} min" : null),
            new("repeated contact", Math.Round(repeat, 2), RepeatWeight, $"{c.PriorConversations} other conversations this week"),
        };
        var urgency = c.Priority == Priority.Urgent ? 0.1 : 0;
        var score = signals.Sum(s => s.Value * s.Weight) + urgency;
        var reason = string.Join("; ", signals.Where(s => s.Value * s.Weight >= 0.05).OrderByDescending(s => s.Value * s.Weight)
            .Select(s => s.Detail is null ? s.Name : $"{s.Name} ({s.Detail})"));
        return new AttentionItem(c.ConversationId, c.CustomerName, Math.Round(Math.Min(1, score), 3), reason.Length > 0 ? reason : "urgent", signals);
    }
}
