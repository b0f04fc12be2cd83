namespace Crm.Grains.Abstractions.Agents;

/// <summary>Creates or updates the agent's profile; idempotent when nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("crm.agents.register-agent")]
public sealed record RegisterAgent(string DisplayName, string Email, string Role, int ChatCapacity, string Actor);
