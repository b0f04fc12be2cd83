using System.Security.Cryptography;
using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.CannedResponses;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Web.Seeding;

/// <summary>
/// Creates the identity schema, then, on a first start (no users yet) and unless switched off, a demo workspace
/// with users of every role, customers and conversations. Runs before Kestrel listens.
/// </summary>
public sealed class DemoDataSeeder(
    IServiceProvider services, IGrainFactory grains, IOptions<DemoDataOptions> options, TimeProvider clock, ILogger<DemoDataSeeder> logger)
    : IHostedService
{
    private const string Actor = "system:seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.EnsureIdentityStoreAsync();
        if (!options.Value.Seed) return;

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        if (users.Users.Any()) return;

        var password = string.IsNullOrEmpty(options.Value.Password) ? NewPassword() : options.Value.Password;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await SeedWorkspaceAsync(users, options.Value.WorkspaceId, "Demo Support", email => email, password);
        if (options.Value.History)
        {
            var history = new DemoHistorySeeder(grains, clock);
            var count = await history.SeedAsync(options.Value.WorkspaceId);
            await history.ConfigureQueuesAsync(options.Value.WorkspaceId);
            await history.SeedLiveVisitorsAsync(options.Value.WorkspaceId);
            logger.LogInformation("Demo history: {Customers} customers, {Conversations} conversations over {Days} days, in {Ms} ms",
                DemoHistory.Customers.Count, count, DemoHistory.Days, started.ElapsedMilliseconds);
        }
        await SeedExtraAgentsAsync(users, options.Value.WorkspaceId, options.Value.ExtraAgents, password);
        foreach (var extra in options.Value.ExtraWorkspaces.Select(w => Ids.Require(w, "workspace")).Distinct())
            await SeedWorkspaceAsync(users, extra, $"{extra} Support", email => email.Replace("@demo.crm", $"@{extra}.crm", StringComparison.Ordinal), password);

        logger.LogWarning(
            "Demo workspace '{Workspace}' seeded. Sign in at /account/login with any of {Emails} and the password {Password} (shown once; set Crm:Demo:Password to choose it)",
            options.Value.WorkspaceId, string.Join(", ", DemoData.Users.Select(u => $"{u.Email} ({u.Role})")), password);
    }

    private async Task SeedWorkspaceAsync(UserManager<CrmUser> users, string ws, string name, Func<string, string> email, string password)
    {
        await grains.GetGrain<IWorkspaceGrain>(ws).CreateAsync(new CreateWorkspace(name, Actor));

        foreach (var u in DemoData.Users)
        {
            var address = email(u.Email);
            var user = new CrmUser { UserName = address, Email = address, EmailConfirmed = true, WorkspaceId = ws, AgentId = u.AgentId, DisplayName = u.DisplayName };
            Check(await users.CreateAsync(user, password), address);
            Check(await users.AddToRoleAsync(user, u.Role), address);
            await grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(ws, u.AgentId))
                .RegisterAsync(new RegisterAgent(u.DisplayName, address, u.Role, u.ChatCapacity, Actor));
        }

        foreach (var c in DemoData.Customers)
            await grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, c.Id)).UpsertAsync(new UpsertCustomer(c.Name, c.Email, null, c.Company, Actor));

        var canned = grains.GetGrain<ICannedResponsesGrain>(ws);
        foreach (var (shortcut, title, body) in DemoData.CannedResponses)
            await canned.SaveAsync(new SaveCannedResponse(shortcut, title, body, Actor));

        await DemoArticles.SeedAsync(grains, ws, Actor);

        var alex = DemoData.Users.Single(u => u.AgentId == "alex");
        foreach (var conversation in DemoData.Conversations)
            await SeedConversationAsync(ws, conversation, new Author(AuthorKind.Agent, alex.AgentId, alex.DisplayName));
    }

    /// <summary>
    /// Load-test agents. They share one password, so it is hashed once: hashing is deliberately slow (~50 ms), and
    /// 500 hashes would hold the start-up for half a minute. Each still has its own user, role and agent grain.
    /// </summary>
    private async Task SeedExtraAgentsAsync(UserManager<CrmUser> users, string ws, int count, string password)
    {
        if (count <= 0) return;
        string? hash = null;
        for (var n = 1; n <= count; n++)
        {
            var address = $"agent-{n}@{ws}.crm";
            var user = new CrmUser { UserName = address, Email = address, EmailConfirmed = true, WorkspaceId = ws, AgentId = $"agent-{n}", DisplayName = $"Agent {n}" };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, password);
            Check(await users.CreateAsync(user), address);
            Check(await users.AddToRoleAsync(user, Roles.Agent), address);
            await grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(ws, user.AgentId))
                .RegisterAsync(new RegisterAgent(user.DisplayName, address, Roles.Agent, 5, Actor));
        }
        logger.LogWarning("Seeded {Count} extra demo agents in workspace {Workspace} (agent-1 and on)", count, ws);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedConversationAsync(string ws, DemoData.DemoConversation c, Author agent)
    {
        var customer = DemoData.Customers.Single(x => x.Id == c.CustomerId);
        var grain = grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(ws, c.Id));
        await grain.OpenAsync(new OpenConversation(customer.Id, customer.Name, Channel.Chat, c.Subject, DemoData.QueueId, Actor));
        await grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, customer.Id)).LinkConversationAsync(new LinkConversation(c.Id, Actor));
        var customerAuthor = new Author(AuthorKind.Customer, customer.Id, customer.Name);
        for (var i = 0; i < c.Lines.Length; i++)
            await grain.PostMessageAsync(new PostMessage(Guid.NewGuid(), i % 2 == 0 ? customerAuthor : agent, c.Lines[i]));
        if (c.Lines.Length % 2 == 1)
            await grains.GetGrain<IQueueGrain>(GrainKeys.Scoped(ws, DemoData.QueueId)).EnqueueAsync(new EnqueueConversation(c.Id, 1, Actor));
    }

    // Upper, lower and a digit always present, whatever the random part holds.
    private static string NewPassword() => $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}-7";

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
