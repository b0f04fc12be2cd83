using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Web.Identity;

/// <summary>
/// A workspace's sign-in rules (whether two-factor sign-in is required). Read on every authorized request, so cached
/// for <see cref="Sessions.SessionTimings.CacheFor"/>; this node forgets its copy when an admin changes it here.
/// </summary>
public sealed class WorkspaceSecurity(IServiceScopeFactory scopes, IMemoryCache cache, UserAccessCache access, TimeProvider clock, IGrainFactory grains)
{
    public async Task<bool> RequiresTwoFactorAsync(string workspaceId) => (await GetAsync(workspaceId)).RequireTwoFactor;

    public async Task<WorkspaceSecurityDetails> GetAsync(string workspaceId) =>
        (await cache.GetOrCreateAsync(CacheKey(workspaceId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Sessions.SessionTimings.CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var row = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().WorkspaceSettings.AsNoTracking()
                .FirstOrDefaultAsync(s => s.WorkspaceId == workspaceId);
            return row is null
                ? new WorkspaceSecurityDetails(workspaceId, false, null, null)
                : new WorkspaceSecurityDetails(workspaceId, row.RequireTwoFactor, row.ChangedAt, row.ChangedBy);
        }))!;

    /// <summary>
    /// Turns the two-factor requirement on or off for the admin's workspace. Turning it on is refused while the admin
    /// has no two-factor sign-in themselves: they would lock themselves out of the console mid-change.
    /// </summary>
    public async Task<WorkspaceSecurityDetails> SetRequireTwoFactorAsync(WorkspaceUser admin, bool require)
    {
        if (require && (await access.GetAsync(admin.UserId))?.TwoFactorEnabled != true)
            throw new DomainException(DomainErrorKind.Conflict,
                "Turn on two-factor sign-in for your own account first: requiring it would otherwise lock you out.");

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
            var row = await db.WorkspaceSettings.FirstOrDefaultAsync(s => s.WorkspaceId == admin.WorkspaceId);
            if (row is null) db.WorkspaceSettings.Add(row = new WorkspaceSecuritySettings { WorkspaceId = admin.WorkspaceId });
            if (row.RequireTwoFactor != require || db.Entry(row).State == EntityState.Added)
            {
                row.RequireTwoFactor = require;
                row.ChangedAt = clock.GetUtcNow();
                row.ChangedBy = admin.Actor;
                await db.SaveChangesAsync();
                await grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId).RecordAccessChangeAsync(
                    new RecordAccessChange("workspace", "two-factor required", require ? "yes" : "no", admin.Actor));
            }
        }
        cache.Remove(CacheKey(admin.WorkspaceId));
        return await GetAsync(admin.WorkspaceId);
    }

    private static string CacheKey(string workspaceId) => $"crm:workspace-security:{workspaceId}";
}
