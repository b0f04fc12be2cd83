using Crm.Grains.Abstractions.Conversations;

using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Inbox;

/// <summary>
/// A workspace's conversation list, projected from the conversation streams (key: the workspace id).
/// A projection ("inbox/{workspace}"): it resumes from its snapshot plus the store's tail, is woken by commits, and
/// takes live updates from conversation grains in between; updates are applied by stream version, so none is applied
/// twice or out of order.
/// </summary>
public interface IInboxGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxQuery query);

    /// <summary>Active and waiting counts per view, for <paramref name="agentId"/>'s "mine".</summary>
    Task<InboxCounts> CountAsync(string? agentId);
}
