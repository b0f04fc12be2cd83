namespace Crm.Grains.Abstractions.Attributes;

/// <summary>What values a custom attribute takes; each is checked and normalized on every write.</summary>
[GenerateSerializer, Alias("crm.attributes.kind")]
public enum AttributeKind
{
    Text = 0,
    Number = 1,
    Date = 2,
    Choice = 3,
    MultiChoice = 4,
    Url = 5,
    Email = 6,
    Phone = 7,
}
