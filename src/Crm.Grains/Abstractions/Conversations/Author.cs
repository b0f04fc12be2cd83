namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Who wrote a message, as the thread shows it. <see cref="Actor"/> is the audit identity ("agent:alice").</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.author")]
public sealed record Author(AuthorKind Kind, string Id, string DisplayName)
{
    public string Actor => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
