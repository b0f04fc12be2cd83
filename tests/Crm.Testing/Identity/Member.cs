namespace Crm.Testing.Identity;

/// <summary>A user a test invited and who accepted: their id, how they sign in, and the agent id work is assigned to.</summary>
public sealed record Member(string UserId, string Email, string Role, string AgentId = "");
