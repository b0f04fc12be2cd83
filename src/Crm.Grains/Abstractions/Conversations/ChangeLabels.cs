namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Adds and removes labels in one change; labels already present (or absent) are ignored.</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.change-labels")]
public sealed record ChangeLabels(IReadOnlyList<string> Add, IReadOnlyList<string> Remove, Author By);
