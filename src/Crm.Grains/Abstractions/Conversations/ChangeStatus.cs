namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Moves the conversation to <see cref="Status"/>; <see cref="SnoozeUntil"/> is required for Snoozed.</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.change-status")]
public sealed record ChangeStatus(ConversationStatus Status, DateTimeOffset? SnoozeUntil, Author By);
