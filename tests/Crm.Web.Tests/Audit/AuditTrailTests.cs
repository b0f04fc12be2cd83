using System.Net;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Audit;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Web.Tests.Audit;

/// <summary>
/// The admin audit trail on a real node with two tenants: an agent's changes appear with who, before and after; only
/// admins read it; neither tenant ever sees the other's events; message bodies never appear; the chain check reports a
/// row edited behind the app's back to its own workspace's admin.
/// </summary>
public sealed class AuditTrailTests(TwoWorkspaceNodeFixture node) : IClassFixture<TwoWorkspaceNodeFixture>
{
    private const string Conversation = "conversation";
    private const string Alex = "agent:alex";

    [Fact]
    public async Task ConversationChanges_ByAnAgent_ShowInTheAdminsTrailWithActorBeforeAndAfter()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var id = (await agent.Http.OpenFreshConversationAsync("aud")).ConversationId;

        await Send(agent.Http, HttpMethod.Put, id, "status", new { status = "resolved" });
        await Send(agent.Http, HttpMethod.Put, id, "priority", new { priority = "urgent" });
        await Send(agent.Http, HttpMethod.Put, id, "assignee", new { agentId = "jo" });
        await Send(agent.Http, HttpMethod.Put, id, "assignee", new { agentId = "alex" });
        await Send(agent.Http, HttpMethod.Post, id, "labels", new { add = new[] { "vip", "billing" } });
        await Send(agent.Http, HttpMethod.Post, id, "labels", new { remove = new[] { "billing" } });
        var trail = await admin.Http.ReadEntityAuditAsync(Conversation, id);

        // Newest first: the seven changes above, the last one on top.
        Assert.Equal(
            ["changed labels", "changed labels", "assigned conversation", "assigned conversation", "changed priority", "changed status", "opened conversation"],
            trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal((Alex, "Alex Agent", Conversation, id), (e.Actor, e.ActorName, e.Category, e.EntityId)));
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.Position > p.Second.Position), "positions decrease down the page");
        AssertChange(trail[6], "priority", null, "normal");
        AssertChange(trail[5], "status", "open", "resolved");
        AssertChange(trail[4], "priority", "normal", "urgent");
        AssertChange(trail[3], "assignee", null, "Jo Agent (jo)");
        AssertChange(trail[2], "assignee", "Jo Agent (jo)", "Alex Agent (alex)");
        AssertChange(trail[1], "labels", null, "billing, vip");
        AssertChange(trail[0], "labels", "billing, vip", "vip");
        Assert.Equal("-billing", trail[0].Detail);
    }

    [Fact]
    public async Task SettingsChanges_ByAnAdmin_ShowOnlyTheValuesThatMovedWithWhatTheyReplaced()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var shortcut = $"aud-{Guid.NewGuid():N}"[..16];
        await Put(admin.Http, $"api/canned-responses/{shortcut}", new { title = "Refund", body = "We have refunded your order." });
        await Put(admin.Http, $"api/canned-responses/{shortcut}", new { title = "Refund", body = "We have refunded your order today." });
        await Put(admin.Http, "api/workspace/sla", Sla(firstResponse: "00:10:00"));
        await Put(admin.Http, "api/workspace/sla", Sla(firstResponse: "01:30:00"));

        var canned = (await admin.Http.ReadEntityAuditAsync("canned-responses", "all")).First(e => e.Detail == $"/{shortcut}");
        var sla = (await admin.Http.ReadEntityAuditAsync("workspace", DemoUsers.Workspace))[0];

        Assert.Equal(("agent:ada", "Ada Admin", "saved canned response"), (canned.Actor, canned.ActorName, canned.Action));
        var text = Assert.Single(canned.Changes);
        Assert.Equal(($"/{shortcut} text", "We have refunded your order.", "We have refunded your order today."), (text.Field, text.Before, text.After));
        Assert.Equal("configured SLA", sla.Action);
        var target = Assert.Single(sla.Changes);
        Assert.Equal(("urgent first-response", "10m", "1h 30m"), (target.Field, target.Before, target.After));
    }

    [Fact]
    public async Task MessagesAndNotes_InTheTrail_ShowSeqAndLengthButNeverTheirWords()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var id = (await agent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        var secret = $"customer-secret-{Guid.NewGuid():N}";
        await agent.Http.PostMessageAsync(id, $"My card number is {secret}");
        using var note = await agent.Http.PostAsJsonAsync($"api/conversations/{id}/notes", new { clientMessageId = Guid.NewGuid(), body = $"note {secret}" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        var entity = await admin.Http.GetStringAsync($"{AuditApiClient.Path}?category={Conversation}&entity={id}");
        var workspace = await admin.Http.GetStringAsync($"{AuditApiClient.Path}?limit={AuditQuery.MaxLimit}");
        var trail = await admin.Http.ReadEntityAuditAsync(Conversation, id);

        Assert.DoesNotContain(secret, entity, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, workspace, StringComparison.Ordinal);
        Assert.Contains(id, workspace, StringComparison.Ordinal);
        var message = Assert.Single(trail, e => e.Action == "posted message");
        Assert.Equal($"seq 1, {$"My card number is {secret}".Length} chars", message.Detail);
        Assert.Empty(message.Changes);
        Assert.Single(trail, e => e.Action == "posted note" && e.Detail == $"seq 2, {$"note {secret}".Length} chars");
    }

    [Fact]
    public async Task ReadingTheTrail_WithACursorAndAnActorFilter_PagesNewestFirstWithoutGapsOrRepeats()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var id = (await agent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        foreach (var priority in new[] { "high", "low", "urgent" })
            await Send(agent.Http, HttpMethod.Put, id, "priority", new { priority });

        var first = await admin.Http.ReadAuditAsync($"category={Conversation}&actor={Alex}&limit=2");
        var second = await admin.Http.ReadAuditAsync($"category={Conversation}&actor=alex&limit=2&before={first.Next}");
        var both = await admin.Http.ReadAuditAsync($"category={Conversation}&actor={Alex}&limit=4");

        Assert.Equal(2, first.Entries.Count);
        Assert.NotNull(first.Next);
        Assert.Equal(both.Entries.Select(e => e.Position), first.Entries.Concat(second.Entries).Select(e => e.Position));
        Assert.All(both.Entries, e => Assert.Equal(Alex, e.Actor));
        Assert.Equal(["urgent", "low", "high", "normal"], both.Entries.Select(e => e.Changes.Single(c => c.Field == "priority").After));
        Assert.All(both.Entries, e => Assert.Equal(id, e.EntityId));
    }

    [Fact]
    public async Task ReadingTheTrail_WithATimeRange_ReturnsOnlyEventsInsideIt()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var id = (await agent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        var opened = (await admin.Http.ReadEntityAuditAsync(Conversation, id)).Single();
        await Send(agent.Http, HttpMethod.Put, id, "priority", new { priority = "high" });
        var changed = (await admin.Http.ReadEntityAuditAsync(Conversation, id))[0];
        Assert.True(changed.At > opened.At, "the change is stamped after the opening");

        var from = Uri.EscapeDataString(changed.At.ToString("O"));
        var to = Uri.EscapeDataString(changed.At.ToString("O"));
        var fromChange = await admin.Http.ReadAuditAsync($"category={Conversation}&entity={id}&from={from}");
        var beforeChange = await admin.Http.ReadAuditAsync($"category={Conversation}&entity={id}&to={to}");

        Assert.Equal([changed.Position], fromChange.Entries.Select(e => e.Position));
        Assert.Equal([opened.Position], beforeChange.Entries.Select(e => e.Position));
    }

    [Theory]
    [InlineData(DemoUsers.Agent)]
    [InlineData(DemoUsers.Supervisor)]
    [InlineData(DemoUsers.Sales)]
    public async Task TrailAndChainCheck_ForNonAdmins_Are403(string email)
    {
        using var user = await node.SignInAsync(email);

        using var trail = await user.Http.GetAsync(AuditApiClient.Path);
        using var chain = await user.Http.GetAsync($"{AuditApiClient.Path}/chain");

        Assert.Equal(HttpStatusCode.Forbidden, trail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chain.StatusCode);
    }

    [Fact]
    public async Task TrailAndChainCheck_Anonymous_Are401()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var trail = await anonymous.GetAsync(AuditApiClient.Path);
        using var chain = await anonymous.GetAsync($"{AuditApiClient.Path}/chain");

        Assert.Equal(HttpStatusCode.Unauthorized, trail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, chain.StatusCode);
    }

    [Theory]
    [InlineData("category=deals", "'deals' is not an entity category")]
    [InlineData("entity=welcome-maria", "An entity id needs its category")]
    [InlineData("category=conversation&entity=Not%20An%20Id", "is not a valid entity id")]
    [InlineData("from=yesterday", "'yesterday' is not a valid from time")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "The time range is empty")]
    [InlineData("limit=0", "The limit must be between 1 and 200")]
    [InlineData("limit=500", "The limit must be between 1 and 200")]
    [InlineData("before=-5", "'-5' is not a valid before")]
    [InlineData("before=0", "The cursor 'before' must be a positive position")]
    [InlineData("actor=agent:", "The actor must look like 'agent:alex'")]
    public async Task ReadingTheTrail_WithABadFilter_Is400WithTheReason(string query, string reason)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);

        using var response = await admin.Http.GetAsync($"{AuditApiClient.Path}?{query}");

        await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task ReadingTheTrail_AsEachWorkspacesAdmin_NeverShowsTheOtherWorkspacesEvents()
    {
        using var demoAgent = await node.SignInAsync(DemoUsers.Agent);
        using var demoAdmin = await node.SignInAsync(DemoUsers.Admin);
        using var acmeAgent = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        using var acmeAdmin = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var demoId = (await demoAgent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        await Send(demoAgent.Http, HttpMethod.Put, demoId, "priority", new { priority = "urgent" });
        var acmeId = (await acmeAgent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        await Send(acmeAgent.Http, HttpMethod.Put, acmeId, "priority", new { priority = "low" });

        var acmeTrail = await ReadWholeTrailAsync(acmeAdmin.Http);
        var demoTrail = await ReadWholeTrailAsync(demoAdmin.Http);

        Assert.Contains(acmeTrail, e => e.EntityId == acmeId);
        Assert.Contains(demoTrail, e => e.EntityId == demoId);
        Assert.DoesNotContain(acmeTrail, e => e.EntityId == demoId);
        Assert.DoesNotContain(demoTrail, e => e.EntityId == acmeId);
        // Agent ids repeat across tenants ("alex" in both), so the test is by stored row: no event is in both trails.
        Assert.Empty(acmeTrail.Select(e => e.Position).Intersect(demoTrail.Select(e => e.Position)));
        // The same entity asked for by id, across the tenant line: nothing, not an error that confirms it exists.
        Assert.Empty(await acmeAdmin.Http.ReadEntityAuditAsync(Conversation, demoId));
        Assert.Empty(await demoAdmin.Http.ReadEntityAuditAsync(Conversation, acmeId));
    }

    [Fact]
    public async Task AccessChanges_ByAnAdmin_InviteDeactivateReactivate_ShowInTheTrailWithBeforeAndAfter()
    {
        using var acmeAdmin = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var member = await acmeAdmin.AddMemberAsync("agent");

        using (var deactivate = await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/deactivate", null))
            Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        using (var reactivate = await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/reactivate", null))
            Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);

        var trail = (await ReadWholeTrailAsync(acmeAdmin.Http)).Where(e => e.Detail == member.Email).ToList();
        var account = $"{member.Email} account";
        Assert.Contains(trail, e => e.Action == "changed invitation" && e.Actor == "agent:ada");
        Assert.Contains(trail, e => e.Changes.Any(c => c.Field == account && c.Before is null && c.After == "deactivated"));
        Assert.Contains(trail, e => e.Changes.Any(c => c.Field == account && c.Before == "deactivated" && c.After == "active"));
    }

    [Fact]
    public async Task ChainCheck_AfterARowIsEditedBehindTheAppsBack_ReportsItToThatWorkspacesAdminOnly()
    {
        using var acmeAgent = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        using var acmeAdmin = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        using var demoAdmin = await node.SignInAsync(DemoUsers.Admin);
        var id = (await acmeAgent.Http.OpenFreshConversationAsync("aud")).ConversationId;
        var marker = $"chain-probe-{Guid.NewGuid():N}";
        await acmeAgent.Http.PostMessageAsync(id, marker);
        var intact = await acmeAdmin.Http.VerifyAuditChainAsync();

        var tampered = await EditStoredRowAsync(marker, "nothing to see here");
        var acme = await acmeAdmin.Http.VerifyAuditChainAsync();
        var demo = await demoAdmin.Http.VerifyAuditChainAsync();

        Assert.True(intact.Holds, $"before the edit: {intact.Break}");
        Assert.True(intact.EventsChecked > 0);
        Assert.Equal(TwoWorkspaceNodeFixture.OtherWorkspace, acme.WorkspaceId);
        Assert.Equal(tampered, acme.Break?.Position);
        Assert.Equal("row content changed", acme.Break!.Description);
        Assert.True(demo.Holds, $"demo's chain is its own: {demo.Break}");
        Assert.Equal(DemoUsers.Workspace, demo.WorkspaceId);
        Assert.True(demo.EventsChecked > 0);
    }

    [Fact]
    public async Task AuditPage_ForAnAdmin_IsServedAndForAnAgent_IsNot()
    {
        using var admin = await ConsoleClient.SignInAsync(node.BaseAddress, DemoUsers.Admin);
        var agent = await SignInWithoutRedirectsAsync(DemoUsers.Agent);

        using var adminPage = await admin.Http.GetAsync("admin/audit");
        using var agentPage = await agent.GetAsync("admin/audit");

        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.True(agentPage.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
            $"an agent is refused the page: {(int)agentPage.StatusCode} {agentPage.Headers.Location}");
        Assert.DoesNotContain("/account/login", agentPage.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertChange(AuditEntry entry, string field, string? before, string? after)
    {
        var change = entry.Changes.SingleOrDefault(c => c.Field == field);
        Assert.True(change is not null, $"{entry.Action} at {entry.Position} changes {field}; it changes: {string.Join(", ", entry.Changes)}");
        Assert.Equal((before, after), (change.Before, change.After));
    }

    private static async Task Send(HttpClient http, HttpMethod method, string conversationId, string path, object body)
    {
        using var request = new HttpRequestMessage(method, $"api/conversations/{conversationId}/{path}") { Content = JsonContent.Create(body, options: ApiJson.Options) };
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task Put(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body, ApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static object Sla(string firstResponse) => new
    {
        calendar = new { timeZoneId = "UTC", openingHours = new[] { new { day = "monday", opens = "09:00:00", closes = "17:00:00" } }, holidays = Array.Empty<string>() },
        policy = new { targets = new[] { new { priority = "urgent", firstResponse, nextResponse = "00:20:00", resolution = "02:00:00" } } },
    };

    /// <summary>Follows the cursor to the start of the workspace's trail.</summary>
    private static async Task<List<AuditEntry>> ReadWholeTrailAsync(HttpClient admin)
    {
        var entries = new List<AuditEntry>();
        var page = await admin.ReadAuditAsync($"limit={AuditQuery.MaxLimit}");
        entries.AddRange(page.Entries);
        while (page.Next is { } next)
        {
            page = await admin.ReadAuditAsync($"limit={AuditQuery.MaxLimit}&before={next}");
            entries.AddRange(page.Entries);
        }
        return entries;
    }

    /// <summary>Rewrites the payload of the one stored event holding <paramref name="marker"/>, as an intruder with file access would.</summary>
    private async Task<long> EditStoredRowAsync(string marker, string replacement)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(node.DataPath, "events.db")};Pooling=False");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE events SET data = replace(data, $marker, $replacement) WHERE instr(data, $marker) > 0 RETURNING position";
        update.Parameters.AddWithValue("$marker", marker);
        update.Parameters.AddWithValue("$replacement", replacement);
        return (long)(await update.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored event holds {marker}."));
    }

    private async Task<HttpClient> SignInWithoutRedirectsAsync(string email)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = node.BaseAddress };
        using var login = await http.PostAsJsonAsync("api/auth/login", new { email, password = CrmProcess.DemoPassword });
        Assert.True(login.IsSuccessStatusCode, $"sign-in as {email}: {(int)login.StatusCode}");
        return http;
    }
}
