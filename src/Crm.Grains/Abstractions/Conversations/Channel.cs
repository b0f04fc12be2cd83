namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Alias("crm.conversations.channel")]
public enum Channel
{
    Chat = 0,
    Email = 1,
    WebForm = 2,
    Api = 3,
}
