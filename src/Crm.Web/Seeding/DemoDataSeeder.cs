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
/// with users of every role, customers and conversations. Runs before Kestrel listens; the 30 days of history
/// (<see cref="DemoHistorySeeder"/>) are written after that, while the app already serves, and
/// <see cref="DemoHistoryProgress"/> tells the console and /health/ready how far they are.
/// </summary>
public sealed class DemoDataSeeder(
    IServiceProvider services, IGrainFactory grains, IOptions<DemoDataOptions> options, TimeProvider clock, DemoHistoryProgress progress,
    ILogger<DemoDataSeeder> logger)
    : IHostedService, IDisposable
{
    private const string Actor = "system:seed";

    private readonly CancellationTokenSource _stopping = new();
    private Task _history = Task.CompletedTask;

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
        logger.LogInformation("Demo users, customers, articles and sample conversations seeded in {Ms} ms", started.ElapsedMilliseconds);
        if (options.Value.History)
        {
            // Said before the first request can ask: the console shows the banner from its first page.
            progress.Begin();
            _history = Task.Run(() => SeedHistoryAsync(options.Value.WorkspaceId, _stopping.Token), CancellationToken.None);
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

        // The users share one password: the first account checks it against the policy and hashes it (deliberately
        // slow), the others reuse that hash.
        string? hash = null;
        foreach (var u in DemoData.Users)
        {
            var address = email(u.Email);
            var user = new CrmUser { UserName = address, Email = address, EmailConfirmed = true, WorkspaceId = ws, AgentId = u.AgentId, DisplayName = u.DisplayName };
            if (hash is null)
            {
                Check(await users.CreateAsync(user, password), address);
                hash = user.PasswordHash;
            }
            else
            {
                user.PasswordHash = hash;
                Check(await users.CreateAsync(user), address);
            }
            Check(await users.AddToRoleAsync(user, u.Role), address);
        }

        // Independent grains side by side, so their appends share group commits instead of waiting for one each.
        var canned = grains.GetGrain<ICannedResponsesGrain>(ws);
        await Task.WhenAll(
            Task.WhenAll(DemoData.Users.Select(u => grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(ws, u.AgentId))
                .RegisterAsync(new RegisterAgent(u.DisplayName, email(u.Email), u.Role, u.ChatCapacity, Actor)))),
            Task.WhenAll(DemoData.Customers.Select(c => grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, c.Id))
                .UpsertAsync(new UpsertCustomer(c.Name, c.Email, null, c.Company, Actor)))),
            SaveCannedResponsesAsync(canned),
            DemoArticles.SeedAsync(grains, ws, Actor));

        var alex = DemoData.Users.Single(u => u.AgentId == "alex");
        await Task.WhenAll(DemoData.Conversations.Select(c => SeedConversationAsync(ws, c, new Author(AuthorKind.Agent, alex.AgentId, alex.DisplayName))));
        // Those waiting for an answer join the queue one by one, in the samples' order, on every first start.
        var queue = grains.GetGrain<IQueueGrain>(GrainKeys.Scoped(ws, DemoData.QueueId));
        foreach (var c in DemoData.Conversations.Where(c => c.Lines.Length % 2 == 1))
            await queue.EnqueueAsync(new EnqueueConversation(c.Id, 1, Actor));
    }

    private static async Task SaveCannedResponsesAsync(ICannedResponsesGrain canned)
    {
        foreach (var (shortcut, title, body) in DemoData.CannedResponses)
            await canned.SaveAsync(new SaveCannedResponse(shortcut, title, body, Actor));
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

    /// <summary>
    /// The history, written while the app serves: every conversation independent of the others, all in flight at once
    /// so their appends share group commits. A failure is logged and shown, never thrown into the host.
    /// </summary>
    private async Task SeedHistoryAsync(string ws, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var history = new DemoHistorySeeder(grains, clock, progress);
            var count = await history.SeedAsync(ws, cancellationToken);
            await history.ConfigureQueuesAsync(ws);
            await history.SeedLiveVisitorsAsync(ws);
            progress.End();
            logger.LogInformation("Demo history: {Customers} customers, {Conversations} conversations over {Days} days, in {Ms} ms",
                DemoHistory.Customers.Count, count, DemoHistory.Days, started.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.End("the app stopped while it was being written");
            logger.LogWarning("Demo history stopped short at {Written} conversations: the app is stopping (delete the data folder to seed it again)", progress.Written);
        }
        catch (Exception ex)
        {
            progress.End(ex.Message);
            logger.LogError(ex, "Demo history stopped short at {Written} conversations", progress.Written);
        }
    }

    /// <summary>Stops writing the history (the silo stops after this service) and waits for the calls in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _history.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task SeedConversationAsync(string ws, DemoData.DemoConversation c, Author agent)
    {
        var customer = DemoData.Customers.Single(x => x.Id == c.CustomerId);
        var grain = grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(ws, c.Id));
        await grain.OpenAsync(new OpenConversation(customer.Id, customer.Name, Channel.Chat, c.Subject, DemoData.QueueId, Actor));
        await grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(ws, customer.Id)).LinkConversationAsync(new LinkConversation(c.Id, Actor));
        var customerAuthor = new Author(AuthorKind.Customer, customer.Id, customer.Name);
        for (var i = 0; i < c.Lines.Length; i++)
            await grain.PostMessageAsync(new PostMessage(Guid.NewGuid(), i % 2 == 0 ? customerAuthor : agent, c.Lines[i]));
    }

    // Upper, lower and a digit always present, whatever the random part holds.
    private static string NewPassword() => $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}-7";

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
