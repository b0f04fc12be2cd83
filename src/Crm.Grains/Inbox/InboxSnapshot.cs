using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations;

namespace Crm.Grains.Inbox;

/// <summary>The inbox as saved: its rows, and each row's SLA fold with the stream version that fold reached.</summary>
[GenerateSerializer, Alias("crm.inbox.snapshot")]
public sealed record InboxSnapshot(
    [property: Id(0)] Dictionary<string, ConversationSummary> Rows,
    [property: Id(1)] Dictionary<string, ConversationSla> Sla,
    [property: Id(2)] Dictionary<string, long> SlaVersion);
