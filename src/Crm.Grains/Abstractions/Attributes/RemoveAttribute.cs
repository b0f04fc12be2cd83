namespace Crm.Grains.Abstractions.Attributes;

/// <summary>Removes a custom attribute's definition; stored values stay in the history but are no longer shown or accepted.</summary>
[GenerateSerializer, Immutable, Alias("crm.attributes.remove-attribute")]
public sealed record RemoveAttribute(AttributeTarget Target, string Key, string Actor);
