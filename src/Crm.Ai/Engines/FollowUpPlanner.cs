using System.Globalization;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Deals;

namespace Crm.Ai.Engines;

/// <summary>
/// The offline sales engine: follow-ups from three plain signals (a deal idle in its stage, a close date passed, a
/// customer's words that read like buying intent), each scored 0–1 from named signals with fixed weights, each with a
/// drafted message built from the deal's or customer's own facts only. Nothing here sends anything.
/// </summary>
public sealed class FollowUpPlanner : ISalesAssistant
{
    /// <summary>A deal untouched in its stage this many days is worth a nudge (My day's idle list uses the same).</summary>
    public const int IdleDays = 14;

    private const int MaxSuggestions = 20;

    public Task<IReadOnlyList<FollowUpSuggestion>> SuggestFollowUpsAsync(FollowUpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Plan(context));

    public static IReadOnlyList<FollowUpSuggestion> Plan(FollowUpContext context)
    {
        var names = context.Customers.ToDictionary(c => c.CustomerId, c => c.Name, StringComparer.Ordinal);
        var suggestions = new List<FollowUpSuggestion>();
        foreach (var deal in context.Deals)
        {
            if (Idle(context, deal, names) is { } idle) suggestions.Add(idle);
            if (ClosePassed(context, deal, names) is { } late) suggestions.Add(late);
        }
        suggestions.AddRange(context.Customers.Select(c => BuyingIntent(context, c)).OfType<FollowUpSuggestion>());
        return suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.SuggestionId, StringComparer.Ordinal).Take(MaxSuggestions).ToList();
    }

    private static FollowUpSuggestion? Idle(FollowUpContext context, DealDetails deal, IReadOnlyDictionary<string, string> names)
    {
        var days = deal.DaysInStage(context.Now);
        if (days < IdleDays) return null;
        Signal[] signals =
        [
            new("days in stage", Math.Min(1, days / (3.0 * IdleDays)), 0.6, $"{days} days in {deal.StageName} (nudge from {IdleDays})"),
            new("stage probability", deal.Probability / 100.0, 0.4, $"{deal.Probability} %"),
        ];
        return new FollowUpSuggestion($"idle-deal:{deal.DealId}:{deal.StageEnteredAt.ToUnixTimeSeconds()}", FollowUpKind.IdleDeal, context.OwnerId,
            $"Nudge {deal.Title}", $"No move for {days} days in {deal.StageName}.", Score(signals), signals,
            $"Hi {FirstName(deal, names)}, I wanted to check in on {deal.Title}. Is there anything you need from us to move forward? "
            + "I'm happy to set up a short call this week.",
            DealId: deal.DealId, CustomerId: deal.ContactIds.FirstOrDefault(), DealTitle: deal.Title);
    }

    private static FollowUpSuggestion? ClosePassed(FollowUpContext context, DealDetails deal, IReadOnlyDictionary<string, string> names)
    {
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        if (deal.ExpectedClose is not { } close || close >= today) return null;
        var late = today.DayNumber - close.DayNumber;
        Signal[] signals =
        [
            new("days past the close date", Math.Min(1, late / 30.0), 0.6, $"expected {close.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {late} days ago"),
            new("stage probability", deal.Probability / 100.0, 0.4, $"{deal.Probability} %"),
        ];
        return new FollowUpSuggestion($"close-date:{deal.DealId}:{close.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}", FollowUpKind.CloseDatePassed,
            context.OwnerId, $"Re-plan {deal.Title}", $"Its close date passed {late} days ago and it is still open.", Score(signals), signals,
            $"Hi {FirstName(deal, names)}, we had planned to wrap up {deal.Title} by {close.ToString("MMMM d", CultureInfo.InvariantCulture)}. "
            + "Has anything changed on your side? If the timing moved, let me know the new date and what would help you decide.",
            DealId: deal.DealId, CustomerId: deal.ContactIds.FirstOrDefault(), DealTitle: deal.Title);
    }

    private static FollowUpSuggestion? BuyingIntent(FollowUpContext context, CustomerExcerpt customer)
    {
        var latest = customer.Messages.LastOrDefault(m => BuyingSignals.Any(m.Text));
        if (latest is null) return null;
        var cues = BuyingSignals.Find(latest.Text);
        var age = context.Now - latest.At;
        var recency = Math.Clamp(1 - age.TotalDays / 14, 0, 1);
        Signal[] signals =
        [
            new("buying words", Math.Min(1, cues.Sum(c => c.Weight)), 0.7, string.Join(", ", cues.Select(c => c.Name))),
            new("recency", recency, 0.3, $"{Math.Max(0, (int)age.TotalDays)} days ago"),
        ];
        var topics = string.Join(" and ", cues.Take(2).Select(c => c.Name.Replace("mentions ", "", StringComparison.Ordinal).Trim('"')));
        return new FollowUpSuggestion($"buying-intent:{customer.CustomerId}:{latest.At.ToUnixTimeSeconds()}", FollowUpKind.BuyingIntent, context.OwnerId,
            $"Follow up with {customer.Name}", $"{customer.Name} wrote: \"{Clip(latest.Text)}\"", Score(signals), signals,
            $"Hi {First(customer.Name)}, thanks for asking about {topics}. I'd be glad to help: I can put together a quote for you "
            + "or walk you through the options on a short call. Would this week work?",
            CustomerId: customer.CustomerId, ConversationId: customer.ConversationId);
    }

    private static double Score(IReadOnlyList<Signal> signals) => Math.Round(signals.Sum(s => s.Value * s.Weight), 3);

    private static string FirstName(DealDetails deal, IReadOnlyDictionary<string, string> names) =>
        deal.ContactIds.Select(names.GetValueOrDefault).FirstOrDefault(n => n is not null) is { } name ? First(name) : "there";

    private static string First(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "there";

    private static string Clip(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
