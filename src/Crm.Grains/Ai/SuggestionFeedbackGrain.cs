using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Ai;

/// <summary>One per workspace: every verdict on a suggestion, so a decided one stays gone and admins see acceptance per kind.</summary>
public sealed class SuggestionFeedbackGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<SuggestionFeedbackState>(store, clock), ISuggestionFeedbackGrain
{
    public const int MaxEditedText = 4000;

    protected override string StreamId => StreamIds.AiFeedback(this.GetPrimaryKeyString());

    protected override int SnapshotEvery => 500;

    public async Task RecordAsync(RecordSuggestionFeedback command)
    {
        if (string.IsNullOrWhiteSpace(command.SuggestionId) || command.SuggestionId.Length > 300)
            throw new DomainException(DomainErrorKind.Invalid, "A suggestion id has 1–300 characters.");
        if (string.IsNullOrWhiteSpace(command.Kind) || command.Kind.Length > 100)
            throw new DomainException(DomainErrorKind.Invalid, "A suggestion kind has 1–100 characters.");
        if (command.Verdict == SuggestionVerdict.Edited && string.IsNullOrWhiteSpace(command.EditedText))
            throw new DomainException(DomainErrorKind.Invalid, "An edited suggestion needs the edited text.");
        if (command.EditedText is { Length: > MaxEditedText })
            throw new DomainException(DomainErrorKind.Invalid, $"The edited text has at most {MaxEditedText} characters.");
        if (State.Decided.Contains(command.SuggestionId)) return;
        await RaiseAsync(command.Actor, new SuggestionFeedbackRecorded(command.SuggestionId, command.Kind, command.Verdict,
            command.Verdict == SuggestionVerdict.Edited ? command.EditedText!.Trim() : null));
    }

    public Task<IReadOnlySet<string>> DecidedAsync(IReadOnlyList<string> suggestionIds) =>
        Task.FromResult<IReadOnlySet<string>>(suggestionIds.Where(State.Decided.Contains).ToHashSet(StringComparer.Ordinal));

    public Task<IReadOnlyList<SuggestionAcceptance>> GetAcceptanceAsync() =>
        Task.FromResult<IReadOnlyList<SuggestionAcceptance>>(State.ByKind.Values.ToList());
}
