using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Routing;

/// <summary>The router offers work to an online agent; the console shows the offer and the agent takes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferNotifierTests(BrowserFixture crm)
{
    private const string Admin = "admin@demo.crm";
    private const string AgentId = "alex";

    [Fact]
    public async Task AcceptOffer_OfferShownInConsole_AssignsToAgentAndOpensThread()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, Admin);
        var suffix = Guid.NewGuid().ToString("N");
        var teamId = $"offer-team-{suffix}";
        var queueId = $"offers-{suffix}";
        // A team only alex is in, so agent2 (online in other tests) never gets this offer; alex keeps his own teams.
        var routing = await GetRoutingAsync(admin, AgentId);
        await admin.PutAsync($"api/agents/{AgentId}/routing", routing with { Teams = [.. routing.Teams, teamId] });
        try
        {
            // Conversations opened over REST are tickets (Api channel): alex's ticket capacity takes them.
            await admin.PutAsync($"api/queues/{queueId}/policy", new { assignment = "least-loaded", teamId, offerTimeoutSeconds = 60 });
            await using var context = await crm.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.SignInAsync(BrowserFixture.Agent);

            var subject = $"Offer {suffix}";
            var conversationId = $"browser-{Guid.NewGuid():N}";
            using (var response = await admin.Http.PostAsJsonAsync("api/conversations",
                new { conversationId, customerId = "tom", customerName = "Tom Becker", subject, queueId }))
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

            var card = page.GetByTestId($"offer-{conversationId}");
            await Expect(card.GetByTestId("offer-title")).ToContainTextAsync(subject);
            await Expect(card.GetByTestId("offer-countdown")).ToContainTextAsync("Expires in");
            await card.GetByTestId("offer-accept").ClickAsync();

            await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
            Assert.EndsWith($"conversations/{conversationId}", page.Url);
            await Expect(card).ToHaveCountAsync(0);
            Assert.Equal(AgentId, (await admin.GetConversationAsync(conversationId))["assigneeId"]?.GetValue<string>());
        }
        finally
        {
            await admin.PutAsync($"api/agents/{AgentId}/routing", routing);
        }
    }

    /// <summary>The agent's routing settings as the board shows them, in the shape PUT /api/agents/{id}/routing takes.</summary>
    private static async Task<AgentRouting> GetRoutingAsync(ConsoleClient admin, string agentId)
    {
        var board = JsonNode.Parse(await admin.Http.GetStringAsync("api/board"))!;
        var agent = board["agents"]!.AsArray().Single(a => a!["agentId"]!.GetValue<string>() == agentId)!;
        return new AgentRouting(
            agent["chatCapacity"]!.GetValue<int>(),
            agent["ticketCapacity"]!.GetValue<int>(),
            [.. agent["skills"]!.AsArray().Select(s => s!.GetValue<string>())],
            [.. agent["teams"]!.AsArray().Select(t => t!.GetValue<string>())]);
    }
}
