namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// One suggestion for the agent. <see cref="InsertText"/> is what "insert" puts in the reply box (empty for actions
/// that are not a message); <see cref="Reference"/> names what it is about (an article id, a canned shortcut, a customer id).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.ai.next-best-action")]
public sealed record NextBestAction(
    ActionKind Kind,
    string Title,
    string Reason,
    double Score,
    IReadOnlyList<Signal> Signals,
    string InsertText = "",
    string? Reference = null,
    IReadOnlyList<Citation>? Citations = null);
