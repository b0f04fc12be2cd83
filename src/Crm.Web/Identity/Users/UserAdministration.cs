using Crm.Grains.Abstractions.Workspaces;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity.Sessions;
using Crm.Web.Identity.TwoFactor;
using Crm.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Identity.Users;

/// <summary>
/// What a workspace admin does to its members: list, invite, deactivate, reactivate, change role, reset two-factor,
/// see and end sessions. Every operation takes the admin and touches only users of the admin's own workspace; a user
/// of another workspace reads as unknown (404), never as forbidden, so ids of other workspaces leak nothing.
/// Each call opens its own scope: console pages (long-lived circuits) and the API share this without stale state.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes, IGrainFactory grains, SessionStore sessions, LiveConnections live, UserAccessCache access,
    AgentDirectory directory, TimeProvider clock)
{
    private const int MaxDisplayName = 100;
    private const int MaxEmail = 256;

    public async Task<IReadOnlyList<UserDetails>> ListAsync(WorkspaceUser admin)
    {
        await using var scope = scopes.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<CrmIdentityDbContext>();
        var members = await identity.Users.AsNoTracking().Where(u => u.WorkspaceId == admin.WorkspaceId).ToListAsync();
        var memberIds = members.Select(m => m.Id).ToList();
        var roles = await (from link in identity.UserRoles
                           join role in identity.Roles on link.RoleId equals role.Id
                           where memberIds.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync();
        var deactivated = (await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations.AsNoTracking()
            .Where(d => d.WorkspaceId == admin.WorkspaceId).Select(d => d.UserId).ToListAsync()).ToHashSet();
        var sessionCounts = await sessions.CountActiveAsync(admin.WorkspaceId);
        return [.. members.OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).Select(m => Details(
            m, Roles.Primary(roles.Where(r => r.UserId == m.Id).Select(r => r.Name)), deactivated.Contains(m.Id), sessionCounts.GetValueOrDefault(m.Id)))];
    }

    /// <summary>Creates the user (no password yet) with their agent profile, and an invitation to choose a password.</summary>
    public async Task<Invitation> InviteAsync(WorkspaceUser admin, InviteUser invite)
    {
        var email = RequireEmail(invite.Email);
        var displayName = invite.DisplayName?.Trim() is { Length: > 0 and <= MaxDisplayName } name
            ? name
            : throw new DomainException(DomainErrorKind.Invalid, $"A display name is 1–{MaxDisplayName} characters.");
        var role = RequireRole(invite.Role);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        // Emails sign in, so they are unique across workspaces; the message does not say which workspace has it.
        if (await users.FindByEmailAsync(email) is not null)
            throw new DomainException(DomainErrorKind.Conflict, "That email already has an account.");

        var user = new CrmUser
        {
            UserName = email, Email = email, WorkspaceId = admin.WorkspaceId, AgentId = NewAgentId(email), DisplayName = displayName,
        };
        TwoFactorService.Check(await users.CreateAsync(user));
        try
        {
            TwoFactorService.Check(await users.AddToRoleAsync(user, role));
            await RegisterAgentAsync(user, role, admin.Actor);
        }
        catch
        {
            // Nothing stored half: without its role or agent profile the user would be a ghost.
            await users.DeleteAsync(user);
            throw;
        }
        directory.Forget(admin.WorkspaceId);
        await RecordAsync(admin, email, "invitation", $"sent ({role})");
        return await IssueInvitationAsync(users, user, role);
    }

    /// <summary>A new invitation for someone who has not accepted yet; earlier links stop working.</summary>
    public async Task<Invitation> ReinviteAsync(WorkspaceUser admin, string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await RequireMemberAsync(users, admin, userId);
        if (await users.HasPasswordAsync(user))
            throw new DomainException(DomainErrorKind.Conflict, "This user has already accepted their invitation.");
        TwoFactorService.Check(await users.UpdateSecurityStampAsync(user));
        return await IssueInvitationAsync(users, user, Roles.Primary(await users.GetRolesAsync(user)));
    }

    /// <summary>The invited person sets their password (the policy applies); the code works once.</summary>
    public async Task AcceptInvitationAsync(string? code, string? password)
    {
        var (userId, token) = InviteCodes.Decode(code);
        if (string.IsNullOrEmpty(password)) throw new DomainException(DomainErrorKind.Invalid, "Choose a password.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose, token))
            throw InviteCodes.Invalid();
        if (await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations.AnyAsync(d => d.UserId == user.Id))
            throw new DomainException(DomainErrorKind.Conflict, CrmSignInManager.NotAllowedMessage);
        // Checked before anything is written, so a weak password leaves the invitation usable.
        foreach (var validator in users.PasswordValidators)
            TwoFactorService.Check(await validator.ValidateAsync(users, user, password));
        user.EmailConfirmed = true;
        TwoFactorService.Check(await users.AddPasswordAsync(user, password));
    }

    /// <summary>Deactivates the user: no more sign-ins, every session ended, their open console and hub connections closed.</summary>
    public async Task<UserDetails> DeactivateAsync(WorkspaceUser admin, string userId)
    {
        if (userId == admin.UserId) throw new DomainException(DomainErrorKind.Conflict, "You cannot deactivate your own account.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await RequireMemberAsync(users, admin, userId);
        var role = Roles.Primary(await users.GetRolesAsync(user));
        var security = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
        if (!await security.Deactivations.AnyAsync(d => d.UserId == user.Id))
        {
            if (role == Roles.Admin) await RequireAnotherActiveAdminAsync(scope, admin.WorkspaceId, user.Id);
            security.Deactivations.Add(new UserDeactivation { UserId = user.Id, WorkspaceId = user.WorkspaceId, At = clock.GetUtcNow(), By = admin.Actor });
            await security.SaveChangesAsync();
        }
        // Committed, then enforced: the cache first (so the next request is refused), then sessions and connections.
        access.Forget(user.Id);
        await RecordAsync(admin, user.Email, "account", "deactivated");
        await sessions.EndAllAsync(user.Id, "deactivated");
        return await DetailsAsync(scope, users, user);
    }

    public async Task<UserDetails> ReactivateAsync(WorkspaceUser admin, string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await RequireMemberAsync(users, admin, userId);
        await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations.Where(d => d.UserId == user.Id).ExecuteDeleteAsync();
        access.Forget(user.Id);
        await RecordAsync(admin, user.Email, "account", "active");
        return await DetailsAsync(scope, users, user);
    }

    /// <summary>Changes the user's role; their next request, and their open console pages after a reload, use the new one.</summary>
    public async Task<UserDetails> ChangeRoleAsync(WorkspaceUser admin, string userId, string? newRole)
    {
        var role = RequireRole(newRole);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await RequireMemberAsync(users, admin, userId);
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role) return await DetailsAsync(scope, users, user);
        if (current.Contains(Roles.Admin)) await RequireAnotherActiveAdminAsync(scope, admin.WorkspaceId, user.Id);

        // One transaction: a user is never left with no role or two.
        var identity = scope.ServiceProvider.GetRequiredService<CrmIdentityDbContext>();
        await using (var transaction = await identity.Database.BeginTransactionAsync())
        {
            if (current.Count > 0) TwoFactorService.Check(await users.RemoveFromRolesAsync(user, current));
            TwoFactorService.Check(await users.AddToRoleAsync(user, role));
            await transaction.CommitAsync();
        }
        await RegisterAgentAsync(user, role, admin.Actor);
        access.Forget(user.Id);
        directory.Forget(admin.WorkspaceId);
        await live.RefreshUserAsync(user.Id);
        return await DetailsAsync(scope, users, user);
    }

    /// <summary>Turns off a member's two-factor sign-in (a lost phone and lost recovery codes); they set it up again.</summary>
    public async Task<UserDetails> ResetTwoFactorAsync(WorkspaceUser admin, string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await RequireMemberAsync(users, admin, userId);
        await TwoFactorService.TurnOffAsync(users, user);
        access.Forget(user.Id);
        await RecordAsync(admin, user.Email, "two-factor", "reset by an admin");
        return await DetailsAsync(scope, users, user);
    }

    /// <summary>After the identity store committed: the change goes into the workspace's audited stream too.</summary>
    private Task RecordAsync(WorkspaceUser admin, string? email, string setting, string value) =>
        grains.GetGrain<IWorkspaceGrain>(admin.WorkspaceId).RecordAccessChangeAsync(new RecordAccessChange(email ?? "unknown", setting, value, admin.Actor));

    public async Task<IReadOnlyList<SessionDetails>> ListSessionsAsync(WorkspaceUser admin, string userId)
    {
        await RequireMemberAsync(admin, userId);
        return [.. (await sessions.ListActiveAsync(userId)).Select(s => SessionDetails.From(s, currentSessionId: null))];
    }

    public async Task EndSessionAsync(WorkspaceUser admin, string userId, string sessionId)
    {
        await RequireMemberAsync(admin, userId);
        await sessions.EndAsync(userId, sessionId, admin.Actor);
    }

    public async Task<int> EndAllSessionsAsync(WorkspaceUser admin, string userId)
    {
        await RequireMemberAsync(admin, userId);
        return await sessions.EndAllAsync(userId, admin.Actor);
    }

    private async Task RequireMemberAsync(WorkspaceUser admin, string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RequireMemberAsync(scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>(), admin, userId);
    }

    private static async Task<CrmUser> RequireMemberAsync(UserManager<CrmUser> users, WorkspaceUser admin, string? userId)
    {
        var user = userId is { Length: > 0 and <= 64 } ? await users.FindByIdAsync(userId) : null;
        return user is not null && user.WorkspaceId == admin.WorkspaceId
            ? user
            : throw new DomainException(DomainErrorKind.NotFound, "There is no such user in this workspace.");
    }

    /// <summary>A workspace always keeps an active admin: otherwise nobody could invite, or undo this.</summary>
    private static async Task RequireAnotherActiveAdminAsync(AsyncServiceScope scope, string workspaceId, string exceptUserId)
    {
        var admins = await scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>().GetUsersInRoleAsync(Roles.Admin);
        var candidates = admins.Where(a => a.WorkspaceId == workspaceId && a.Id != exceptUserId && a.PasswordHash is not null)
            .Select(a => a.Id).ToList();
        var deactivated = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations
            .Where(d => candidates.Contains(d.UserId)).Select(d => d.UserId).ToListAsync();
        if (candidates.Except(deactivated).Any()) return;
        throw new DomainException(DomainErrorKind.Conflict, "A workspace keeps at least one active admin: make someone else admin first.");
    }

    private async Task<Invitation> IssueInvitationAsync(UserManager<CrmUser> users, CrmUser user, string? role)
    {
        var token = await users.GenerateUserTokenAsync(user, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose);
        var code = InviteCodes.Encode(user.Id, token);
        var details = Details(user, role, deactivated: false, activeSessions: 0);
        return new Invitation(details, code, $"account/accept-invite?code={code}", clock.GetUtcNow() + InviteTokenProviderOptions.Lifespan);
    }

    private Task RegisterAgentAsync(CrmUser user, string role, string actor) =>
        grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(user.WorkspaceId, user.AgentId))
            .RegisterAsync(new RegisterAgent(user.DisplayName, user.Email ?? "", role, ChatCapacityFor(role), actor));

    private async Task<UserDetails> DetailsAsync(AsyncServiceScope scope, UserManager<CrmUser> users, CrmUser user)
    {
        var deactivated = await scope.ServiceProvider.GetRequiredService<SecurityDbContext>().Deactivations.AnyAsync(d => d.UserId == user.Id);
        var activeSessions = (await sessions.ListActiveAsync(user.Id)).Count;
        return Details(user, Roles.Primary(await users.GetRolesAsync(user)), deactivated, activeSessions);
    }

    private UserDetails Details(CrmUser user, string? role, bool deactivated, int activeSessions) => new(
        user.Id, user.Email ?? "", user.DisplayName, user.AgentId, role,
        deactivated ? UserStatus.Deactivated : user.PasswordHash is null ? UserStatus.Invited : UserStatus.Active,
        user.TwoFactorEnabled, user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null, activeSessions);

    /// <summary>Chats an agent takes at once, by role, as the demo workspace has them; supervisors change it later.</summary>
    private static int ChatCapacityFor(string role) => role switch
    {
        Roles.Agent => 5,
        Roles.Supervisor => 3,
        _ => 0,
    };

    private static string RequireEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxEmail && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            ? trimmed
            : throw new DomainException(DomainErrorKind.Invalid, "Enter a valid email address (name@example.com).");
    }

    private static string RequireRole(string? role) =>
        Roles.IsKnown(role) ? role! : throw new DomainException(DomainErrorKind.Invalid, $"The role must be one of: {string.Join(", ", Roles.All)}.");

    /// <summary>"maria-lopez-3f9a1c": readable in events and URLs, unique without asking the store.</summary>
    public static string NewAgentId(string email)
    {
        var local = email[..email.IndexOf('@')].ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in local)
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var prefix = slug.ToString().Trim('-');
        if (prefix.Length > 40) prefix = prefix[..40].TrimEnd('-');
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return Ids.Require(prefix.Length > 0 ? $"{prefix}-{suffix}" : $"user-{suffix}", "agent");
    }
}
