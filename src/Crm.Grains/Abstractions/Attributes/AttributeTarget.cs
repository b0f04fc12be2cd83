namespace Crm.Grains.Abstractions.Attributes;

/// <summary>The kind of record a custom attribute belongs to.</summary>
[GenerateSerializer, Alias("crm.attributes.target")]
public enum AttributeTarget
{
    Customer = 0,
    Company = 1,
}
