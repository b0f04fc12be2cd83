namespace Crm.Grains.Abstractions.Ai;

/// <summary>Records a verdict on a suggestion of <paramref name="Kind"/> (e.g. "follow-up.idle-deal"); <paramref name="EditedText"/> with <see cref="SuggestionVerdict.Edited"/>.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.record-suggestion-feedback")]
public sealed record RecordSuggestionFeedback(string SuggestionId, string Kind, SuggestionVerdict Verdict, string? EditedText, string Actor);
