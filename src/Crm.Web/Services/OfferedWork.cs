using Crm.Grains.Abstractions.Routing;

namespace Crm.Web.Services;

/// <summary>A conversation the router offers to the signed-in agent and when the offer ends unanswered (null: unknown).</summary>
public sealed record OfferedWork(string ConversationId, string QueueId, WorkKind Kind, DateTimeOffset? ExpiresAt);
