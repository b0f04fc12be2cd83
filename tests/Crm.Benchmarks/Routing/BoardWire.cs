namespace Crm.Benchmarks.Routing;

/// <summary>The parts of Crm.Web's board records the benchmark reads (the JSON carries more; the rest is ignored).</summary>
public static class BoardWire
{
    public const string AgentWorkloadChanged = "AgentWorkloadChanged";
    public const string QueueChanged = "QueueChanged";

    public sealed record AgentRow(string AgentId, int ChatCapacity, int TicketCapacity, int ChatLoad, int TicketLoad, string[] Conversations);

    public sealed record QueueRow(string QueueId, DateTimeOffset AsOf);

    public sealed record Board(AgentRow[] Agents);

    public sealed record Opened(string ConversationId);
}
