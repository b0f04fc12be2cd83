using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Security.Fuzzing;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>
/// One test per cause the outside probe found (issue 11): each bad input is a 4xx (or a hub error) with a message, and
/// the event store is where it was. The node runs as deployed (Production).
/// </summary>
public sealed class ProbeFindingsTests(ProductionWebNodeFixture node) : IClassFixture<ProductionWebNodeFixture>
{
    [Fact]
    public async Task IdWithTrailingNewline_RefusedByEveryIdRule_RestAndHub_StoreUnchanged()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        await using var store = new StoreHead(node.DataPath);
        var before = await store.PositionAsync();

        using var created = await admin.Http.PostAsync("api/conversations", Json(
            $$"""{"conversationId":"nl-{{Guid.NewGuid():N}}\n","customerId":"tom","customerName":"Tom","subject":"x"}"""));
        using var policy = await admin.Http.PutAsync($"api/queues/q-{Guid.NewGuid():N}%0a/policy", Json("""{"assignment":"manual"}"""));
        using var attachment = await admin.Http.GetAsync("api/attachments/abc%0a/x.txt");
        await using var live = await LiveClient.ConnectAsync(admin);
        var join = await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync<object>("JoinConversation", "nl-x\n", 0L));

        foreach (var response in new[] { created, policy, attachment })
            await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest, "id must be");
        Assert.Contains("id must be", join.Message);
        Assert.Empty(await store.AppendedAfterAsync(before));
    }

    [Theory]
    [InlineData("lone surrogate", """{"email":"\ud800x@example.com","password":"whatever-1A"}""")]
    [InlineData("noncharacters", """{"email":"\uffff\ufffe","password":"whatever-1A"}""")]
    public async Task SignInEmail_LoneSurrogateOrNoncharacter_Is400NotA500(string _, string json)
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.PostAsync("api/auth/login", Json(json));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest, "");
    }

    [Fact]
    public async Task TruncatedMultipart_ConsoleAndWidgetUploads_Are400WithAMessage()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        using var visitor = new HttpClient { BaseAddress = node.BaseAddress };
        visitor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await VisitorClient.CreateSessionAsync(node.BaseAddress)).Token);

        using var console = await agent.Http.PostAsync("api/attachments", BadInput.TruncatedMultipart());
        using var widget = await visitor.PostAsync("api/widget/attachments", BadInput.TruncatedMultipart());

        await ProblemAssert.StatusAsync(console, HttpStatusCode.BadRequest, "ended early");
        await ProblemAssert.StatusAsync(widget, HttpStatusCode.BadRequest, "ended early");
    }

    [Theory]
    [InlineData("openingHours", """{"calendar":{"timeZoneId":"UTC","openingHours":[null],"holidays":[]},"policy":{"targets":[]}}""")]
    [InlineData("targets", """{"calendar":{"timeZoneId":"UTC","openingHours":[{"day":"monday","opens":"09:00:00","closes":"17:00:00"}],"holidays":[]},"policy":{"targets":[null]}}""")]
    public async Task SlaSettings_NullInsideAnArray_Is400AndStoresNothing(string array, string json)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        await using var store = new StoreHead(node.DataPath);
        var before = await store.PositionAsync();

        using var response = await admin.Http.PutAsync("api/workspace/sla", Json(json));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest, array == "openingHours" ? "Opening hours" : "SLA targets");
        Assert.Empty(await store.AppendedAfterAsync(before));
    }

    [Fact]
    public async Task SendMessageWithAttachments_NullAttachment_IsAHubErrorWithAMessageAndStoresNothing()
    {
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var chat = await visitor.StartFreshConversationAsync();
        await using var store = new StoreHead(node.DataPath);
        var before = await store.PositionAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeAsync<object>(
            "SendMessageWithAttachments", chat.ConversationId, Guid.NewGuid(), "hello", "Maria", new object?[] { null }));

        Assert.Contains("Each attachment needs", refused.Message);
        Assert.Empty(await store.AppendedAfterAsync(before));
    }

    [Fact]
    public async Task ConsoleHeartbeat_BadConversationId_IsRefusedAndTheDisconnectStaysClean()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var live = await LiveClient.ConnectAsync(agent);

        var refused = await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync<object>("Heartbeat", "bad id\n"));
        await live.DisposeAsync();
        // Another connection's full round trip: the first one's disconnect has been handled by the time it answers.
        await using (var next = await LiveClient.ConnectAsync(agent))
            await next.Connection.InvokeAsync("SubscribeInbox");

        Assert.Contains("id must be", refused.Message);
        Assert.DoesNotContain("Failed disposing connection", node.Process.Output);
        using var health = await agent.Http.GetAsync("health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
