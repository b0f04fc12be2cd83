namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// A reply for a person to edit and send (never sent by itself). <see cref="Engine"/> is "offline" or "language-model";
/// <see cref="FallbackReason"/> says why the offline engine answered when a language model is configured.
/// An empty <see cref="Text"/> means no confident answer: the agent writes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.ai.draft-reply")]
public sealed record DraftReply(
    string Text,
    IReadOnlyList<Citation> Citations,
    double Confidence,
    IReadOnlyList<Signal> Signals,
    string Engine,
    string? FallbackReason = null);
