namespace Crm.Grains.Abstractions.Attributes;

/// <summary>One custom attribute of a workspace. <paramref name="Options"/> lists the allowed values of a choice.</summary>
[GenerateSerializer, Immutable, Alias("crm.attributes.definition")]
public sealed record AttributeDefinition(AttributeTarget Target, string Key, string Label, AttributeKind Kind, IReadOnlyList<string> Options);
