namespace Crm.Grains.Abstractions.Attributes;

/// <summary>Adds a custom attribute or changes its label, kind or options (values already stored are not rewritten).</summary>
[GenerateSerializer, Immutable, Alias("crm.attributes.define-attribute")]
public sealed record DefineAttribute(AttributeTarget Target, string Key, string Label, AttributeKind Kind, IReadOnlyList<string>? Options, string Actor);
