using System.Net.Http.Json;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Routing;

/// <summary>The router offers work to an online agent; the console shows the offer and the agent takes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferNotifierTests(BrowserFixture crm)
{
    private const string Admin = "admin@demo.crm";

    [Fact]
    public async Task AcceptOffer_OfferShownInConsole_AssignsToAgentAndOpensThread()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, Admin);
        var suffix = Guid.NewGuid().ToString("N");
        var teamId = $"offer-team-{suffix}";
        var queueId = $"offers-{suffix}";
        // An agent of its own in a team of its own: no other test's agent gets this offer, and the ticket it accepts
        // takes nobody else's capacity.
        var member = await admin.AddMemberAsync("agent");
        await admin.PutAsync($"api/agents/{member.AgentId}/routing", new AgentRouting(ChatCapacity: 2, TicketCapacity: 5, Skills: [], Teams: [teamId]));
        // Conversations opened over REST are tickets (Api channel): the agent's ticket capacity takes them.
        await admin.PutAsync($"api/queues/{queueId}/policy", new { assignment = "least-loaded", teamId, offerTimeoutSeconds = 60 });
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(member.Email);

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
        Assert.Equal(member.AgentId, (await admin.GetConversationAsync(conversationId))["assigneeId"]?.GetValue<string>());
    }
}
