namespace Crm.Grains.Abstractions.Attributes;

/// <summary>Every custom attribute a workspace defined, for customers and companies.</summary>
[GenerateSerializer, Immutable, Alias("crm.attributes.schema")]
public sealed record AttributeSchema(IReadOnlyList<AttributeDefinition> Definitions)
{
    public static AttributeSchema Empty { get; } = new([]);

    public IReadOnlyList<AttributeDefinition> For(AttributeTarget target) => Definitions.Where(d => d.Target == target).ToList();
}
