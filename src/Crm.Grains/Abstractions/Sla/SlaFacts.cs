using System.Collections.Immutable;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// What the SLA clock needs to know about a conversation, filled by its grain from state.
/// </summary>
/// <param name="OpenedAt">Starts the first-response and resolution clocks.</param>
/// <param name="FirstRepliedAt">An agent's first reply to the customer; stops the first-response clock.</param>
/// <param name="WaitingSince">
/// When the customer began waiting for the reply owed now or most recently: their first message after an agent reply.
/// A wait that starts at or after <paramref name="FirstRepliedAt"/> runs the next-response clock.
/// </param>
/// <param name="LastRepliedAt">
/// The agent reply that answered the wait starting at <paramref name="WaitingSince"/>; null while the customer still
/// waits. The grain clears it when a new wait begins, so which came first is never guessed from equal timestamps.
/// </param>
/// <param name="ResolvedAt">Stops the resolution clock; null while unresolved (a reopened conversation clears it).</param>
/// <param name="Pauses">While pending on the customer or snoozed; they may overlap or touch.</param>
[GenerateSerializer, Immutable, Alias("crm.sla.facts")]
public sealed record SlaFacts(
    Priority Priority,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstRepliedAt,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? LastRepliedAt,
    DateTimeOffset? ResolvedAt,
    ImmutableArray<SlaPause> Pauses)
{
    /// <summary>A conversation just opened, nothing answered, never paused.</summary>
    public static SlaFacts Opened(Priority priority, DateTimeOffset openedAt) =>
        new(priority, openedAt, null, null, null, null, []);

    public bool Equals(SlaFacts? other) =>
        other is not null
        && (Priority, OpenedAt, FirstRepliedAt, WaitingSince, LastRepliedAt, ResolvedAt)
            == (other.Priority, other.OpenedAt, other.FirstRepliedAt, other.WaitingSince, other.LastRepliedAt, other.ResolvedAt)
        && SequenceEquality.Equal(Pauses, other.Pauses);

    public override int GetHashCode() =>
        HashCode.Combine(Priority, OpenedAt, FirstRepliedAt, WaitingSince, LastRepliedAt, ResolvedAt, SequenceEquality.Hash(Pauses));
}
