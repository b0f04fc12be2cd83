namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Alias("crm.conversations.author-kind")]
public enum AuthorKind
{
    Customer = 0,
    Agent = 1,
    System = 2,
}
