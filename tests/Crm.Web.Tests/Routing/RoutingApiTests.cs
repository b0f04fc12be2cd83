using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Routing;

/// <summary>
/// Routing over REST against a real host: an admin sets a least-loaded queue, agents come online by heartbeat, and
/// conversations opened in that queue reach them; the board and the supervisor's live feed show it.
/// </summary>
public sealed class RoutingApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    private static readonly string[] Agents = ["alex", "jo"];

    [Fact]
    public async Task OpenInLeastLoadedQueue_TwoAgentsOnline_AssignsToBothAndBoardShowsIt()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        await using var live = LiveClient.Build(node.BaseAddress, supervisor.CookieHeader);
        var workloads = new ConcurrentQueue<JsonElement>();
        live.On<JsonElement>("AgentWorkloadChanged", agent => workloads.Enqueue(agent));
        await live.StartAsync();
        await live.InvokeAsync("SubscribeAgents");

        var queue = $"q-{Guid.NewGuid():n}";
        await Succeeds(admin.Http.PutAsJsonAsync($"api/queues/{queue}/policy", new { assignment = "least-loaded" }));
        foreach (var agent in Agents)
            await Succeeds(admin.Http.PutAsJsonAsync($"api/agents/{agent}/routing", new { chatCapacity = 5, ticketCapacity = 20 }));
        await Succeeds(alex.Http.PostAsJsonAsync("api/agents/me/heartbeat", new { sessionId = $"s-{Guid.NewGuid():n}" }));
        await Succeeds(jo.Http.PostAsJsonAsync("api/agents/me/heartbeat", new { sessionId = $"s-{Guid.NewGuid():n}" }));

        var ids = Enumerable.Range(0, 4).Select(_ => $"routed-{Guid.NewGuid():n}").ToList();
        foreach (var id in ids)
            await Succeeds(alex.Http.PostAsJsonAsync("api/conversations",
                new { conversationId = id, customerId = "cust-routing", customerName = "Rita", subject = "Routed", queueId = queue }));

        var assignees = new List<string>();
        foreach (var id in ids)
            assignees.Add(await Eventually.ReturnsAsync(() => AssigneeAsync(alex, id), a => a is not null, $"{id} assigned by the router") ?? "");
        Assert.All(assignees, a => Assert.Contains(a, Agents));
        // Least-loaded spreads four conversations over two agents with room for all of them.
        Assert.Equal(Agents.Order(), assignees.Distinct().Order());

        var board = JsonNode.Parse(await supervisor.Http.GetStringAsync("api/board"))!;
        var held = board["agents"]!.AsArray().SelectMany(a => a!["conversations"]!.AsArray().Select(c => c!.GetValue<string>())).ToList();
        Assert.All(ids, id => Assert.Single(held, h => h == id));
        await Eventually.ReturnsAsync(
            () => Task.FromResult(workloads.SelectMany(w => w.GetProperty("conversations").EnumerateArray().Select(c => c.GetString())).ToHashSet()),
            seen => ids.All(seen.Contains), "every routed conversation in the supervisor's AgentWorkloadChanged feed");
        var queueView = JsonNode.Parse(await alex.Http.GetStringAsync($"api/queues/{queue}"))!;
        Assert.Equal("least-loaded", queueView["policy"]!["assignment"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DemoUsers.Agent, "PUT", "api/queues/q-denied/policy")]
    [InlineData(DemoUsers.Supervisor, "PUT", "api/agents/alex/routing")]
    [InlineData(DemoUsers.Agent, "GET", "api/board")]
    [InlineData(DemoUsers.Sales, "POST", "api/conversations/c-denied/offer/accept")]
    [InlineData(DemoUsers.Sales, "POST", "api/conversations/c-denied/offer/decline")]
    public async Task RoutingEndpoint_RoleWithoutPermission_IsForbidden(string email, string method, string path)
    {
        using var user = await node.SignInAsync(email);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = JsonContent.Create(new { assignment = "manual", chatCapacity = 1, ticketCapacity = 1 });
        using var response = await user.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "assignment": "sometimes" }""", "least-loaded")]
    [InlineData("""{ }""", "assignment is required")]
    [InlineData("""{ "assignment": "manual", "offerTimeoutSeconds": 30 }""", "Offers need a policy")]
    [InlineData("""{ "assignment": "least-loaded", "offerTimeoutSeconds": 1 }""", "offer timeout")]
    [InlineData("""{ "assignment": "round-robin", "overflowAfterSeconds": 60 }""", "overflow rule")]
    public async Task ConfigureQueue_BadPolicy_Returns400WithReason(string body, string reason)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var response = await admin.Http.PutAsync($"api/queues/q-{Guid.NewGuid():n}/policy",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {problem}");
        Assert.Contains(reason, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConfigureAgent_CapacityMissingOrTooHigh_Returns400()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var missing = await admin.Http.PutAsJsonAsync("api/agents/jo/routing", new { chatCapacity = 3 });
        using var tooHigh = await admin.Http.PutAsJsonAsync("api/agents/jo/routing", new { chatCapacity = 3, ticketCapacity = 5000 });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("ticketCapacity", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
    }

    private static async Task<string?> AssigneeAsync(ConsoleClient client, string id) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"api/conversations/{id}"))!["assigneeId"]?.GetValue<string>();

    private static async Task Succeeds(Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
