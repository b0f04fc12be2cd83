namespace Crm.Web.Services;

/// <summary>A teammate as pickers and @mentions show them.</summary>
public sealed record AgentSummary(string AgentId, string DisplayName, string? Role);
