namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// One follow-up a sales rep should make, with why (<see cref="Signals"/>) and a drafted message to edit and send.
/// <see cref="SuggestionId"/> is stable for one situation (e.g. a deal's stay in one stage), so a verdict on it sticks
/// until the situation changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.ai.follow-up-suggestion")]
public sealed record FollowUpSuggestion(
    string SuggestionId,
    FollowUpKind Kind,
    string OwnerId,
    string Title,
    string Reason,
    double Score,
    IReadOnlyList<Signal> Signals,
    string Draft,
    string? DealId = null,
    string? CustomerId = null,
    string? ConversationId = null,
    string Engine = "offline",
    string? FallbackReason = null,
    string? DealTitle = null);
