using Crm.Grains.Abstractions.Sla;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <summary>
/// An SLA target passed its <see cref="Due"/> instant unanswered (unresolved). Raised once per target per cycle by the
/// grain's "sla" reminder; the cycle is the one running when it is raised (the conversation for first response and
/// resolution, the customer's current wait for next response). Not a thread entry.
/// </summary>
[GenerateSerializer, Alias("crm.conversations.conversation-sla-breached.v1")]
public sealed record ConversationSlaBreached(SlaMetric Metric, DateTimeOffset Due) : DomainEvent;
