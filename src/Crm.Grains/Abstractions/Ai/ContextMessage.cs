using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Ai;

/// <summary>A message of the thread as the engines read it (notes and activities left out).</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.context-message")]
public sealed record ContextMessage(AuthorKind Author, string AuthorName, string Text, DateTimeOffset At);
