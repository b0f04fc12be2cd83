using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Conversations;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Search;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>
/// Two tenants on one node: a user of "acme" tries every surface against the demo workspace's data — REST, the
/// console hub, the widget hub, attachments, canned responses, settings — and reaches nothing, changes nothing.
/// </summary>
public sealed class WorkspaceIsolationTests(TwoWorkspaceNodeFixture node) : IClassFixture<TwoWorkspaceNodeFixture>
{
    private static readonly string[] Surfaces = ["", "/messages"];

    [Fact]
    public async Task Preferences_SameAgentIdInAnotherWorkspace_AreApartAndChangeNothing()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var before = await owner.Http.GetStringAsync("api/account/preferences");

        // Both are agent "alex", each in their own workspace: one's choice is never the other's.
        using var put = await intruder.Http.PutAsJsonAsync("api/account/preferences", new { theme = "dark", browserNotifications = true, sound = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal(before, await owner.Http.GetStringAsync("api/account/preferences"));
        Assert.Contains("dark", await intruder.Http.GetStringAsync("api/account/preferences"));
    }

    [Fact]
    public async Task Notifications_OfAnAgent_AreNotSeenOrMarkedByAnotherAgentOrAnotherWorkspace()
    {
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var colleague = await node.SignInAsync(DemoUsers.Agent2);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var conversation = await supervisor.Http.OpenFreshConversationAsync("iso");
        await supervisor.Http.AssignAsync(conversation.ConversationId, "alex");
        var note = await owner.Http.NotificationAboutAsync(conversation.ConversationId);

        // The intruder is agent "alex" too, in workspace "acme": the same agent id reaches nothing of demo's.
        foreach (var other in new[] { colleague, intruder })
        {
            Assert.DoesNotContain(conversation.ConversationId, await other.Http.GetStringAsync("api/notifications"), StringComparison.Ordinal);
            using var mark = await other.Http.PostAsJsonAsync("api/notifications/read", new { ids = new[] { note.Id } });
            Assert.True(mark.StatusCode == HttpStatusCode.NotFound, $"mark read: {(int)mark.StatusCode}");
        }
        Assert.False((await owner.Http.NotificationsAsync()).Items.Single(n => n.Id == note.Id).Read);
    }

    [Fact]
    public async Task SavedViews_SameAgentIdInAnotherWorkspace_AreApartAndChangeNothing()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var name = $"demo's view {Guid.NewGuid():N}";
        using var saved = await owner.Http.PutAsJsonAsync("api/views/customers", new { name, filters = new { tag = "vip" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Both are agent "alex", each in their own workspace: neither reads nor deletes the other's views.
        Assert.DoesNotContain(name, await intruder.Http.GetStringAsync("api/views/customers"));
        using var delete = await intruder.Http.DeleteAsync($"api/views/customers?name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Contains(name, await owner.Http.GetStringAsync("api/views/customers"));
    }

    [Fact]
    public async Task BulkActions_OnAnotherWorkspacesIds_FailEachAndChangeNothing()
    {
        using var owner = await node.SignInAsync(DemoUsers.Admin);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var id = $"iso-{Guid.NewGuid():N}"[..20];
        using var created = await owner.Http.PostAsJsonAsync("api/customers", new { customerId = id, name = "Demo only" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = await owner.Http.GetStringAsync($"api/customers/{id}");

        // The ids are read in the caller's own workspace: demo's customer is not acme's, whatever the body says.
        using var tagged = await intruder.Http.PostAsJsonAsync("api/customers/bulk/add-tag", new { ids = new[] { id }, tag = "hijacked" });
        using var owned = await intruder.Http.PostAsJsonAsync("api/customers/bulk/assign-owner", new { ids = new[] { id }, ownerId = "alex" });

        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.Contains("\"failed\":1", await tagged.Content.ReadAsStringAsync());
        Assert.Contains("\"failed\":1", await owned.Content.ReadAsStringAsync());
        Assert.Equal(before, await owner.Http.GetStringAsync($"api/customers/{id}"));
    }

    [Fact]
    public async Task RestCalls_OnAnotherWorkspacesConversation_Are404AndChangeNothing()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var conversation = await owner.Http.OpenFreshConversationAsync("iso");
        var id = conversation.ConversationId;
        await owner.Http.PostMessageAsync(id, "demo's private words");
        var before = await Snapshot(owner.Http, id);

        foreach (var path in Surfaces)
        {
            using var read = await intruder.Http.GetAsync($"api/conversations/{id}{path}");
            Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)read.StatusCode}");
        }
        var writes = new (string Method, string Path, object Body)[]
        {
            ("POST", "messages", new { clientMessageId = Guid.NewGuid(), body = "injected" }),
            ("POST", "notes", new { clientMessageId = Guid.NewGuid(), body = "injected note" }),
            ("POST", "read", new { upToSeq = 1 }),
            ("PUT", "status", new { status = "resolved" }),
            ("PUT", "assignee", new { agentId = "alex" }),
            ("PUT", "priority", new { priority = "urgent" }),
            ("POST", "labels", new { add = new[] { "hijacked" } }),
        };
        foreach (var (method, path, body) in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"api/conversations/{id}/{path}") { Content = JsonContent.Create(body, options: ApiJson.Options) };
            using var response = await intruder.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var list = await intruder.Http.GetStringAsync("api/conversations?view=all&limit=500");
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(owner.Http, id));
    }

    [Fact]
    public async Task OpeningAConversation_WithAnotherWorkspacesId_MakesASeparateOneAndLeavesTheirsAlone()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var theirs = await owner.Http.OpenFreshConversationAsync("iso");
        await owner.Http.PostMessageAsync(theirs.ConversationId, "only in demo");
        var before = await Snapshot(owner.Http, theirs.ConversationId);

        // Ids are per workspace: the same id in acme is acme's own conversation, empty, not a window into demo's.
        using var response = await intruder.Http.PostAsJsonAsync("api/conversations",
            new { conversationId = theirs.ConversationId, customerId = "tom", customerName = "Tom", subject = "Same id" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await intruder.Http.GetMessagesAsync(theirs.ConversationId));
        Assert.Equal(before, await Snapshot(owner.Http, theirs.ConversationId));
    }

    [Fact]
    public async Task ConsoleHub_AnotherWorkspacesConversation_IsRefusedAndItsMessagesNeverArrive()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var id = (await owner.Http.OpenFreshConversationAsync("iso")).ConversationId;
        await using var ownerLive = await LiveClient.ConnectAsync(owner);
        await using var intruderLive = await LiveClient.ConnectAsync(intruder);
        await ownerLive.JoinConversationAsync(id, 0);
        await intruderLive.Connection.InvokeAsync("SubscribeInbox");
        var inboxPushes = new List<ConversationSummary>();
        intruderLive.Connection.On<ConversationSummary>("ConversationChanged", s => { lock (inboxPushes) inboxPushes.Add(s); });

        await Assert.ThrowsAsync<HubException>(() => intruderLive.JoinConversationAsync(id, 0));
        await Assert.ThrowsAsync<HubException>(() => intruderLive.PostMessageAsync(id, Guid.NewGuid(), "injected over the hub"));

        // A control message the owner sees proves the push went out; the intruder's inbox got nothing of it.
        var sent = await owner.Http.PostMessageAsync(id, "pushed only to demo");
        await ownerLive.WaitForMessageAsync(m => m.ClientMessageId == sent.ClientMessageId, "the owner's own message");
        var ownOpened = await intruder.Http.OpenFreshConversationAsync("acme");
        await Eventually.TrueAsync(() => { lock (inboxPushes) return inboxPushes.Any(s => s.ConversationId == ownOpened.ConversationId); },
            "the intruder's inbox hears its own workspace");
        lock (inboxPushes) Assert.DoesNotContain(inboxPushes, s => s.ConversationId == id || s.WorkspaceId != TwoWorkspaceNodeFixture.OtherWorkspace);
        Assert.All((await owner.Http.GetMessagesAsync(id)).Select(m => m.Body), b => Assert.DoesNotContain("injected", b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WidgetToken_OfAnotherWorkspace_CannotJoinOrWriteTheConversation()
    {
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var id = (await visitor.StartFreshConversationAsync()).ConversationId;
        await visitor.SendMessageAsync(id, "demo visitor's words");
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        var before = await Snapshot(owner.Http, id);

        var acmeSession = await VisitorClient.CreateSessionAsync(node.BaseAddress, TwoWorkspaceNodeFixture.OtherWorkspace);
        await using var intruder = await VisitorClient.ConnectAsync(node.BaseAddress, acmeSession);
        await Assert.ThrowsAsync<HubException>(() => intruder.JoinConversationAsync(id, 0));
        await Assert.ThrowsAsync<HubException>(() => intruder.SendMessageAsync(id, "injected by acme's visitor"));

        Assert.Equal(before, await Snapshot(owner.Http, id));
        Assert.DoesNotContain(intruder.Received, p => p.ConversationId == id);
    }

    [Fact]
    public async Task Attachment_UploadedInOneWorkspace_Is404InTheOther()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 demo invoice"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "invoice.pdf");
        using var upload = await owner.Http.PostAsync("api/attachments", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var attachment = await upload.Content.ReadFromJsonAsync<Uploaded>(ApiJson.Options);

        using var own = await owner.Http.GetAsync($"api/attachments/{attachment!.Id}/invoice.pdf");
        using var foreign = await intruder.Http.GetAsync($"api/attachments/{attachment.Id}/invoice.pdf");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task CannedResponsesAndSlaSettings_AreEachWorkspacesOwn()
    {
        using var owner = await node.SignInAsync(DemoUsers.Admin);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var shortcut = $"demo-only-{Guid.NewGuid():N}"[..20];
        using var saved = await owner.Http.PutAsJsonAsync($"api/canned-responses/{shortcut}", new { title = "Demo only", body = "demo's secret macro" }, ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, $"{(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        var slaBefore = await owner.Http.GetStringAsync("api/workspace/sla");

        Assert.DoesNotContain(shortcut, await intruder.Http.GetStringAsync("api/canned-responses"), StringComparison.Ordinal);
        using var deleted = await intruder.Http.DeleteAsync($"api/canned-responses/{shortcut}");
        using var deletedMissing = await intruder.Http.DeleteAsync("api/canned-responses/" + $"never-{Guid.NewGuid():N}"[..20]);
        // Answered as for a shortcut that exists nowhere: the reply does not even confirm demo has one.
        Assert.Equal(deletedMissing.StatusCode, deleted.StatusCode);
        var intruderSla = await intruder.Http.GetFromJsonAsync<Dictionary<string, object>>("api/workspace/sla", ApiJson.Options);
        using var changed = await intruder.Http.PutAsJsonAsync("api/workspace/sla", intruderSla, ApiJson.Options);
        Assert.True(changed.IsSuccessStatusCode, $"acme's admin saves acme's own SLA: {(int)changed.StatusCode}");

        Assert.Contains(shortcut, await owner.Http.GetStringAsync("api/canned-responses"), StringComparison.Ordinal);
        Assert.Equal(slaBefore, await owner.Http.GetStringAsync("api/workspace/sla"));
    }

    [Fact]
    public async Task AnswerBot_OnInAnotherWorkspace_NeverTurnsOnHere_NorCitesThisWorkspacesArticles()
    {
        // Demo's articles all in the catalog first: with none there yet, a handover would prove nothing.
        await ArticleCatalog.WaitUntilCompleteAsync(node.BaseAddress);
        using var owner = await node.SignInAsync(DemoUsers.Admin);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        var before = await owner.Http.GetStringAsync("api/workspace/answer-bot");

        using var turnedOn = await intruder.Http.PutAsJsonAsync("api/workspace/answer-bot", new { enabled = true }, ApiJson.Options);
        Assert.True(turnedOn.IsSuccessStatusCode, $"acme's admin turns on acme's own bot: {(int)turnedOn.StatusCode}");
        var acmeSession = await VisitorClient.CreateSessionAsync(node.BaseAddress, TwoWorkspaceNodeFixture.OtherWorkspace);
        await using var acmeVisitor = await VisitorClient.ConnectAsync(node.BaseAddress, acmeSession);
        var chat = await acmeVisitor.StartFreshConversationAsync();
        // Demo publishes an article that answers this: acme's bot answers from acme's own articles or hands over, never demo's.
        await acmeVisitor.SendMessageAsync(chat.ConversationId, "How do I change the email address I sign in with?");
        var reply = await acmeVisitor.WaitForMessageAsync(chat.ConversationId, m => m.Automated, "acme's bot replying", TimeSpan.FromSeconds(15));

        Assert.DoesNotContain("/help/demo/", reply.Body, StringComparison.Ordinal);
        Assert.True(!reply.Body.Contains("/help/", StringComparison.Ordinal) || reply.Body.Contains("/help/acme/articles/", StringComparison.Ordinal), reply.Body);
        Assert.Equal(before, await owner.Http.GetStringAsync("api/workspace/answer-bot"));
        Assert.Contains("\"enabled\":false", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersAndDeals_OfAnotherWorkspace_Are404AndNeverListed()
    {
        using var owner = await node.SignInAsync(DemoUsers.Admin);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAdmin);
        using var created = await owner.Http.PostAsJsonAsync("api/customers", new { name = "Demo's own", email = $"own-{Guid.NewGuid():N}@demo.example" }, ApiJson.Options);
        var customerId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ApiJson.Options)).GetProperty("customer").GetProperty("customerId").GetString();
        var dealWord = $"osprey{Guid.NewGuid():N}"[..16];
        using var deal = await owner.Http.PostAsJsonAsync("api/deals", new { title = $"Demo's {dealWord} deal", stageId = "lead", amount = 10, currency = "EUR", contactIds = new[] { customerId } }, ApiJson.Options);
        var dealId = (await deal.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ApiJson.Options)).GetProperty("dealId").GetString();
        // Searchable in its own workspace first, so the intruder's empty answer below means isolation, not indexing lag.
        await owner.Http.EventuallyFindsAsync(dealWord, 1);
        var before = await owner.Http.GetStringAsync($"api/customers/{customerId}") + await owner.Http.GetStringAsync($"api/deals/{dealId}");

        foreach (var path in new[] { $"api/customers/{customerId}", $"api/customers/{customerId}/timeline", $"api/deals/{dealId}" })
        {
            using var read = await intruder.Http.GetAsync(path);
            Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)read.StatusCode}");
        }
        using var write = await intruder.Http.PutAsJsonAsync($"api/deals/{dealId}/stage", new { stageId = "won", reason = "hijacked" }, ApiJson.Options);
        using var merge = await intruder.Http.PostAsJsonAsync($"api/customers/{customerId}/merge", new { duplicateId = customerId }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.True((int)merge.StatusCode is 400 or 404, $"merge: {(int)merge.StatusCode}");
        Assert.DoesNotContain(customerId!, await intruder.Http.GetStringAsync("api/customers?limit=1000"), StringComparison.Ordinal);
        Assert.DoesNotContain(dealId!, await intruder.Http.GetStringAsync("api/deals"), StringComparison.Ordinal);
        // The intruder is an admin, who may search deals: none of demo's is found, by its words or by listing deals.
        Assert.Equal(0, (await intruder.Http.FindAsync(dealWord)).Total);
        Assert.DoesNotContain((await intruder.Http.SearchAsync("kind=deal&limit=100")).Hits, h => h.Id == dealId);
        Assert.DoesNotContain(customerId!, await intruder.Http.GetStringAsync("api/customers.csv"), StringComparison.Ordinal);
        Assert.Equal(before, await owner.Http.GetStringAsync($"api/customers/{customerId}") + await owner.Http.GetStringAsync($"api/deals/{dealId}"));
    }

    /// <summary>Everything an agent sees of a conversation, as the API's JSON, to compare before and after.</summary>
    private static async Task<string> Snapshot(HttpClient owner, string id) =>
        await owner.GetStringAsync($"api/conversations/{id}") + await owner.GetStringAsync($"api/conversations/{id}/messages");

    private sealed record Uploaded(string Id);

    [Fact]
    public async Task Search_AnotherWorkspacesMessagesAndCustomers_AreNeverFound()
    {
        using var owner = await node.SignInAsync(DemoUsers.Agent);
        using var intruder = await node.SignInAsync(TwoWorkspaceNodeFixture.OtherAgent);
        var conversation = await owner.Http.OpenFreshConversationAsync("iso");
        var word = $"narwhal{Guid.NewGuid():N}"[..16];
        await owner.Http.PostMessageAsync(conversation.ConversationId, $"demo's {word} words");
        await owner.Http.EventuallyFindsAsync(word, 1);

        Assert.Equal(0, (await intruder.Http.FindAsync(word)).Total);
        Assert.DoesNotContain((await intruder.Http.FindAsync("Tom Becker")).Hits, h => h.Id == conversation.ConversationId);
        Assert.DoesNotContain((await intruder.Http.SearchAsync("kind=conversation&limit=100")).Hits, h => h.Id == conversation.ConversationId);
    }
}
