using Crm.Grains.Abstractions.Ai;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai.Events;

/// <summary>Someone accepted, edited or rejected a suggestion of <see cref="Kind"/>.</summary>
[GenerateSerializer, Alias("crm.ai.suggestion-feedback-recorded.v1")]
public sealed record SuggestionFeedbackRecorded(string SuggestionId, string Kind, SuggestionVerdict Verdict, string? EditedText) : DomainEvent;
