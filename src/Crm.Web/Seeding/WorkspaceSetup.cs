using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Identity;
using Crm.Web.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Web.Seeding;

/// <summary>Creates the workspace and first admin that <see cref="WorkspaceSetupOptions"/> names, once. Runs before Kestrel listens.</summary>
public sealed class WorkspaceSetup(IServiceProvider services, IGrainFactory grains, IOptions<WorkspaceSetupOptions> options, ILogger<WorkspaceSetup> logger)
    : IHostedService
{
    private const string Actor = "system:setup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = options.Value;
        if (string.IsNullOrWhiteSpace(setup.AdminEmail)) return;
        var workspaceId = Ids.Require(setup.WorkspaceId, "workspace");
        var email = setup.AdminEmail.Trim();

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;

        var workspace = grains.GetGrain<IWorkspaceGrain>(workspaceId);
        if (await workspace.FindAsync() is null)
            await workspace.CreateAsync(new CreateWorkspace(setup.WorkspaceName is { Length: > 0 } name ? name : workspaceId, Actor));

        var admin = new CrmUser
        {
            UserName = email, Email = email, EmailConfirmed = true, WorkspaceId = workspaceId,
            AgentId = UserAdministration.NewAgentId(email), DisplayName = setup.AdminName is { Length: > 0 } n ? n : email,
        };
        Check(string.IsNullOrEmpty(setup.AdminPassword) ? await users.CreateAsync(admin) : await users.CreateAsync(admin, setup.AdminPassword));
        Check(await users.AddToRoleAsync(admin, Roles.Admin));
        await grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, admin.AgentId))
            .RegisterAsync(new RegisterAgent(admin.DisplayName, email, Roles.Admin, 0, Actor));

        if (!string.IsNullOrEmpty(setup.AdminPassword))
        {
            logger.LogWarning("Workspace '{Workspace}' set up with admin {Email}", workspaceId, email);
            return;
        }
        var token = await users.GenerateUserTokenAsync(admin, InviteTokenProvider.ProviderName, InviteTokenProvider.Purpose);
        logger.LogWarning(
            "Workspace '{Workspace}' set up. Its admin {Email} chooses a password at /{Path}?code={Code} (shown once, valid for {Days} days)",
            workspaceId, email, IdentityExtensions.AcceptInvitePath.TrimStart('/'), InviteCodes.Encode(admin.Id, token),
            InviteTokenProviderOptions.Lifespan.TotalDays);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Crm:Setup failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
