using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Services;

/// <summary>
/// The people of a workspace (from the identity store): who can be assigned or @mentioned. Cached briefly per
/// workspace, because pickers and note parsing ask often and the list changes rarely.
/// </summary>
public sealed class AgentDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<AgentSummary> Agents)> _cache = [];
    private readonly Lock _lock = new();

    public async Task<IReadOnlyList<AgentSummary>> ListAsync(string workspaceId)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(workspaceId, out var cached) && clock.GetUtcNow() - cached.At < CacheFor)
                return cached.Agents;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var members = await users.Users.Where(u => u.WorkspaceId == workspaceId).OrderBy(u => u.DisplayName).ToListAsync();
        var agents = new List<AgentSummary>(members.Count);
        foreach (var member in members)
            agents.Add(new AgentSummary(member.AgentId, member.DisplayName, (await users.GetRolesAsync(member)).FirstOrDefault()));

        lock (_lock) _cache[workspaceId] = (clock.GetUtcNow(), agents);
        return agents;
    }

    /// <summary>Drops the cached list after a member was added or changed, so pickers show it at once on this node.</summary>
    public void Forget(string workspaceId)
    {
        lock (_lock) _cache.Remove(workspaceId);
    }

    /// <summary>The agent, or NotFound: assigning to someone outside the workspace must fail, not create a ghost.</summary>
    public async Task<AgentSummary> RequireAsync(string workspaceId, string agentId) =>
        (await ListAsync(workspaceId)).FirstOrDefault(a => a.AgentId == agentId)
        ?? throw new DomainException(DomainErrorKind.NotFound, $"There is no agent '{agentId}' in this workspace.");
}
