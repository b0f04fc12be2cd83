using Crm.Grains.Abstractions.Notifications;

namespace Crm.Grains.Notifications;

/// <summary>A notification the rules made, and the agent it is for.</summary>
public sealed record AgentNotification(string AgentId, RecordNotification Notification);
