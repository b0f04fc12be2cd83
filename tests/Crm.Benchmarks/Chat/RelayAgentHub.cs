using Microsoft.AspNetCore.SignalR;

namespace Crm.Benchmarks.Chat;

/// <summary>The baseline's agent side: joining a conversation is joining its group; there is no history to return.</summary>
public sealed class RelayAgentHub : Hub
{
    public const string Path = "/relay/agents";

    public async Task<ChatWire.AgentMessage[]> JoinConversation(string conversationId, long afterSeq)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, conversationId);
        return [];
    }
}
