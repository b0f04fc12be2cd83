using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Testing;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// What the public widget learns about the team on one real Crm.Web process: only whether an agent is available,
/// which follows the agents' console sessions (heartbeats over /api/agents/me) on real time, grace included.
/// </summary>
public sealed class AvailabilityTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    // The grace (8 s) plus a sweep (2 s), with room for a busy machine.
    private static readonly TimeSpan OfflineDeadline = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Availability_AgentConsoleOpensAndCloses_FalseThenTrueLiveThenFalseAgain()
    {
        Assert.False(await AvailableAsync(), "Nobody has a console open at start: the demo seed sets no one online.");
        await using var visitor = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var pushed = new ConcurrentQueue<bool>();
        visitor.Connection.On<bool>("AvailabilityChanged", pushed.Enqueue);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var sessionId = $"test-{Guid.NewGuid():N}";

        using (var beat = await agent.Http.PostAsJsonAsync("api/agents/me/heartbeat", new { sessionId }, ApiJson.Options))
            Assert.True(beat.StatusCode == HttpStatusCode.OK, $"Heartbeat: {(int)beat.StatusCode} {await beat.Content.ReadAsStringAsync()}");
        await Eventually.ReturnsAsync(AvailableAsync, available => available, "the widget endpoint to say an agent is available");
        await Eventually.TrueAsync(() => pushed.Contains(true), "the widget hub to push AvailabilityChanged(true)");

        using (var gone = await agent.Http.DeleteAsync($"api/agents/me/heartbeat/{sessionId}"))
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        await Eventually.ReturnsAsync(AvailableAsync, available => !available,
            "availability to be false again once the grace after the last console passed", OfflineDeadline);
        await Eventually.TrueAsync(() => pushed.LastOrDefault() is false, "the widget hub to push AvailabilityChanged(false)", OfflineDeadline);
    }

    [Fact]
    public async Task Availability_AnonymousCaller_AnswersOnlyWhetherAnAgentIsAvailable()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        http.DefaultRequestHeaders.Add("Origin", "https://shop.example.com");

        using var response = await http.GetAsync("api/widget/availability?workspaceId=demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["agentsAvailable"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(response.Headers.Contains("Access-Control-Allow-Origin"), "The widget runs on customers' sites: the answer must allow their origin.");
    }

    [Fact]
    public async Task Availability_UnknownWorkspace_NotFound()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await http.GetAsync($"api/widget/availability?workspaceId=nope{Guid.NewGuid():N}"[..40]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<bool> AvailableAsync()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var answer = await http.GetFromJsonAsync<AvailabilityAnswer>($"api/widget/availability?workspaceId={DemoUsers.Workspace}", ApiJson.Options);
        return answer!.AgentsAvailable;
    }

    private sealed record AvailabilityAnswer(bool AgentsAvailable);
}
