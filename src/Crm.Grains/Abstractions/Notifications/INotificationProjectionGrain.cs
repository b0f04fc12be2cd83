using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Notifications;

/// <summary>
/// The projection ("notifications/{workspace}", key: the workspace id) that turns a workspace's conversation and routing
/// events into notifications for each agent, and warns an assignee when an SLA is about to breach.
/// </summary>
public interface INotificationProjectionGrain : IGrainWithStringKey, IProjectionPartitionGrain;
