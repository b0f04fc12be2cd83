namespace Crm.Grains.Abstractions.Agents;

[GenerateSerializer, Alias("crm.agents.status")]
public enum AgentStatus
{
    Offline = 0,
    Online = 1,
    Away = 2,
    Busy = 3,
}
