using Microsoft.AspNetCore.SignalR;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// The baseline's visitor side: SendMessage numbers the message, sends it to the conversation's agent group and the
/// visitor's own group (as Crm.Web echoes to the widget), and returns it. Nothing is stored.
/// </summary>
public sealed class RelayVisitorHub(RelaySequences sequences, IHubContext<RelayAgentHub> agents) : Hub
{
    public const string Path = "/relay/widget";

    public async Task<ChatWire.StartedConversation> StartConversation(ChatWire.StartChat start)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, start.ConversationId);
        return new ChatWire.StartedConversation(start.ConversationId);
    }

    public async Task<ChatWire.AgentMessage> SendMessage(string conversationId, Guid clientMessageId, string body, string? displayName)
    {
        var message = new ChatWire.AgentMessage(conversationId, sequences.Next(conversationId), clientMessageId, body);
        await Task.WhenAll(
            agents.Clients.Group(conversationId).SendAsync(ChatWire.MessagePosted, message),
            Clients.Group(conversationId).SendAsync(ChatWire.MessagePosted, conversationId, message));
        return message;
    }
}
