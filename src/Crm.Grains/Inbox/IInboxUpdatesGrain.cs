using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations;
using Orleans.Concurrency;

namespace Crm.Grains.Inbox;

/// <summary>
/// What a conversation grain tells its workspace's inbox after a commit (key: the workspace id; the same activation as
/// <see cref="Abstractions.Inbox.IInboxGrain"/>). Grain to grain only: web nodes read the inbox, they never write it.
/// </summary>
public interface IInboxUpdatesGrain : IGrainWithStringKey
{
    /// <summary>
    /// One-way, after a commit: the row, and the conversation's SLA fold as of the same stream version. With the fold the
    /// inbox's own catch-up from the store, when it reads the next event before the next update arrives, goes on from it;
    /// without it that catch-up re-read the conversation's whole stream to rebuild the fold (at chat rates a tenth of the
    /// node's allocations, and more the longer the conversation).
    /// </summary>
    [OneWay]
    Task OnConversationChangedAsync(ConversationSummary summary, ConversationSla? sla);
}
