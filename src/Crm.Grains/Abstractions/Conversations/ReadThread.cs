namespace Crm.Grains.Abstractions.Conversations;

/// <summary>The thread after <see cref="AfterSeq"/> as <see cref="Reader"/> may see it (whispers that are not theirs left out, so gaps are expected).</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.read-thread")]
public sealed record ReadThread(long AfterSeq, ThreadReader Reader);
