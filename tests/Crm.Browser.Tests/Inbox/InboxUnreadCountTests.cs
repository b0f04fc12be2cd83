using System.Text.Json.Nodes;
using Crm.Browser.Tests.Hosting;
using Crm.Testing;
using Crm.Browser.Tests.Widget;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Inbox;

/// <summary>
/// The inbox counts unread conversations live: a visitor's message raises the count and marks the row the moment it
/// is committed, and opening the conversation reads it, so the count goes back down.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxUnreadCountTests(BrowserFixture crm)
{
    [Fact]
    public async Task VisitorWrites_AgentOnTheInbox_UnreadCountRisesLiveAndOpeningTheConversationClearsIt()
    {
        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.MarkDocumentAsync();
        var all = agent.GetByTestId("inbox-unread-all");
        var unassigned = agent.GetByTestId("inbox-unread-unassigned");

        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var question = $"Is the blue one back in stock? {Guid.NewGuid():N}";
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName());
        await visitor.SendFromWidgetAsync(question);
        var conversationId = await visitor.WidgetConversationIdAsync();

        var row = agent.InboxRow(conversationId);
        await ExpectUnreadAsync(row, true, conversationId);
        await ExpectServerCountsAsync(all, unassigned);
        Assert.True(await agent.IsSameDocumentAsync(), "The unread count should rise over the live circuit, not through a reload.");

        // Reading it is opening it.
        await row.ClickAsync();
        await Expect(agent.MessageBodies(question)).ToHaveCountAsync(1);
        await agent.BackToInboxAsync();
        await ExpectUnreadAsync(row, false, conversationId);
        await ExpectServerCountsAsync(all, unassigned);

        // The visitor writes again while the agent looks at the inbox: unread again, live.
        await agent.MarkDocumentAsync();
        await visitor.SendFromWidgetAsync($"Or the green one? {Guid.NewGuid():N}");
        await ExpectUnreadAsync(row, true, conversationId);
        await ExpectServerCountsAsync(all, unassigned);
        Assert.True(await agent.IsSameDocumentAsync(), "The unread count should rise over the live circuit, not through a reload.");
    }

    private static async Task<int> CountAsync(ILocator counter) => int.Parse((await counter.GetAttributeAsync("data-count"))!);

    /// <summary>
    /// The counters show what the server counts, without a reload. Compared with the server each time rather than with
    /// a number read at the start: the demo workspace is shared, and another test's late write (a read landing just after
    /// that test ended) moved the count by one under a CI run. A counter that stopped following the feed still fails:
    /// the server's count moves with each step of this test and the shown one would not.
    /// </summary>
    private async Task ExpectServerCountsAsync(ILocator all, ILocator unassigned)
    {
        var (server, shown) = await Eventually.ReturnsAsync(async () =>
        {
            var counts = JsonNode.Parse(await crm.OtherAgentClient.Http.GetStringAsync("api/conversations/counts"))!;
            return ((counts["allUnread"]!.GetValue<int>(), counts["unassignedUnread"]!.GetValue<int>()), (await CountAsync(all), await CountAsync(unassigned)));
        }, c => c.Item1 == c.Item2, "the inbox's unread counts to be the server's", TimeSpan.FromSeconds(15));
        Assert.Equal(server, shown);
        await ExpectWordsAsync(all, shown.Item1);
        await ExpectWordsAsync(unassigned, shown.Item2);
    }

    /// <summary>The words the agent reads beside the count ("· 3 unread", nothing at zero).</summary>
    private static Task ExpectWordsAsync(ILocator counter, int count) => Expect(counter).ToHaveTextAsync(count > 0 ? $"· {count} unread" : "");

    /// <summary>
    /// The row's unread mark. When it never comes, the failure says what the server holds (read up to where, the
    /// counts) and what it logged, which tells a lost live update from a read nobody made on screen.
    /// </summary>
    private async Task ExpectUnreadAsync(ILocator row, bool unread, string conversationId)
    {
        try
        {
            await Expect(row.Locator("[data-unread]")).ToHaveAttributeAsync("data-unread", unread ? "true" : "false");
        }
        catch (PlaywrightException e)
        {
            string held;
            try
            {
                var details = await crm.OtherAgentClient.GetConversationAsync(conversationId);
                var counts = await crm.OtherAgentClient.Http.GetStringAsync("api/conversations/counts");
                held = $"The server's conversation: {details.ToJsonString()}\nThe server's counts: {counts}";
            }
            catch (Exception asking)
            {
                held = $"Asking the server what it holds failed too: {asking.Message}";
            }

            var output = crm.ServerOutput;
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{held}\nThe server's last output:\n{output[Math.Max(0, output.Length - 4000)..]}");
        }
    }
}
