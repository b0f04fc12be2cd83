using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Web.Identity.Users;

/// <summary>
/// <see cref="UserAccess"/> by user id, cached for <see cref="Sessions.SessionTimings.CacheFor"/>: every request checks
/// it, few change it. Whoever changes a user here calls <see cref="Forget"/>, so this node sees the change at once.
/// </summary>
public sealed class UserAccessCache(IServiceScopeFactory scopes, IMemoryCache cache)
{
    /// <summary>The user's access now, or null when the user does not exist.</summary>
    public Task<UserAccess?> GetAsync(string userId) =>
        cache.GetOrCreateAsync(CacheKey(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Sessions.SessionTimings.CacheFor;
            return await LoadAsync(userId);
        });

    public void Forget(string userId) => cache.Remove(CacheKey(userId));

    /// <summary>The role (null: none, or the user is gone) and two-factor state of each of <paramref name="userIds"/>, in two queries.</summary>
    public async Task<IReadOnlyDictionary<string, (string? Role, bool TwoFactorEnabled)>> FindAccessAsync(IReadOnlyCollection<string> userIds)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmIdentityDbContext>();
        var pairs = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where userIds.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync();
        var twoFactor = (await db.Users.Where(u => userIds.Contains(u.Id) && u.TwoFactorEnabled).Select(u => u.Id).ToListAsync()).ToHashSet();
        return userIds.ToDictionary(id => id, id => (Roles.Primary(pairs.Where(p => p.UserId == id).Select(p => p.Name)), twoFactor.Contains(id)));
    }

    private async Task<UserAccess?> LoadAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var role = Roles.Primary(await users.GetRolesAsync(user));
        var deactivated = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations.AnyAsync(d => d.UserId == userId);
        return new UserAccess(user.Id, user.WorkspaceId, user.AgentId, user.DisplayName, role, user.TwoFactorEnabled, deactivated);
    }

    private static string CacheKey(string userId) => $"crm:access:{userId}";
}
