namespace Crm.Grains.Abstractions.Ai;

/// <summary>A canned response the engine may suggest.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.canned-option")]
public sealed record CannedOption(string Shortcut, string Title, string Body);
