using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>The router gave waiting work to an agent with free capacity (the conversation is told right after).</summary>
[GenerateSerializer, Alias("crm.routing.conversation-routed.v1")]
public sealed record ConversationRouted(string ConversationId, string AgentId) : DomainEvent;
