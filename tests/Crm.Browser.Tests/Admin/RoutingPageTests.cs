using System.Text.Json.Nodes;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Admin;

/// <summary>
/// An admin sets queue policies and agents' routing on /admin/routing; REST, which reads the same router, shows what
/// was saved, and a value the router refuses shows its message on the page while the stored value stays.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutingPageTests(BrowserFixture crm)
{
    private const string Admin = "admin@demo.crm";

    // Ada, the demo admin: no other test routes work to her, so changing her capacity disturbs nobody.
    private const string AgentId = "ada";

    [Fact]
    public async Task SaveQueue_RoundRobinWithTeam_ApiShowsThePolicy()
    {
        var queueId = $"admin-q-{Guid.NewGuid():N}";
        var team = $"t-{Guid.NewGuid():N}";
        using var api = await ConsoleClient.SignInAsync(crm.BaseAddress, Admin);
        await using var context = await crm.NewContextAsync();
        var page = await OpenAsync(context);

        await page.Locator("input[data-testid=queue-new-id]").FillAsync(queueId);
        await page.GetByTestId("queue-add").ClickAsync();
        var editor = page.GetByTestId($"queue-{queueId}");
        await editor.GetByText("Round-robin").ClickAsync();
        await editor.Locator("input[data-testid=queue-team]").FillAsync(team);
        await editor.GetByTestId("queue-save").ClickAsync();
        await Expect(editor.GetByTestId("queue-saved")).ToBeVisibleAsync();

        var policy = JsonNode.Parse(await api.Http.GetStringAsync($"api/queues/{queueId}"))!["policy"]!;
        Assert.Equal("round-robin", (string?)policy["assignment"]);
        Assert.Equal(team, (string?)policy["teamId"]);
    }

    [Fact]
    public async Task SaveAgent_ChatCapacityThree_BoardShowsItAndTooLargeIsRefusedInline()
    {
        using var api = await ConsoleClient.SignInAsync(crm.BaseAddress, Admin);
        try
        {
            await using var context = await crm.NewContextAsync();
            var page = await OpenAsync(context);
            var editor = page.GetByTestId($"agent-{AgentId}");
            var capacity = editor.Locator("input[data-testid=agent-chat-capacity]");

            await capacity.FillAsync("3");
            await editor.GetByTestId("agent-save").ClickAsync();
            await Expect(editor.GetByTestId("agent-saved")).ToBeVisibleAsync();
            Assert.Equal(3, await BoardChatCapacityAsync(api));

            await capacity.FillAsync("999");
            await editor.GetByTestId("agent-save").ClickAsync();
            // The agent grain's own refusal, word for word: the page adds no message of its own.
            await Expect(editor.GetByTestId("agent-error")).ToContainTextAsync("capacity must be between 0 and 50");
            Assert.Equal(3, await BoardChatCapacityAsync(api));
        }
        finally
        {
            // The admin takes no chats in the demo: put that back even when an assertion failed, so no later test's
            // queue routes work to them.
            await api.PutAsync($"api/agents/{AgentId}/routing", new { chatCapacity = 0, ticketCapacity = 10, skills = Array.Empty<string>(), teams = Array.Empty<string>() });
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(Admin);
        await page.GotoAsync("admin/routing");
        await Expect(page.GetByTestId("routing-ready")).ToBeVisibleAsync();
        return page;
    }

    private static async Task<int> BoardChatCapacityAsync(ConsoleClient api)
    {
        var board = JsonNode.Parse(await api.Http.GetStringAsync("api/board"))!;
        var agent = board["agents"]!.AsArray().Single(a => (string?)a!["agentId"] == AgentId)!;
        return (int)agent["chatCapacity"]!;
    }
}
