using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// A visitor chats from the demo customer site while an agent answers in the console: two browser contexts, one
/// Crm.Web, everything live, and a returning visitor keeps the thread.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorToAgentTests(BrowserFixture crm)
{
    [Fact]
    public async Task VisitorStartsChat_AgentSeesItLiveAndReplies_VisitorSeesReplyAndKeepsHistoryAfterReload()
    {
        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.MarkDocumentAsync();

        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var name = WidgetPages.UniqueVisitorName();
        var question = $"Do you deliver on Sundays? {Guid.NewGuid():N}";
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(name);
        await visitor.SendFromWidgetAsync(question);
        var conversationId = await visitor.WidgetConversationIdAsync();
        Assert.False(string.IsNullOrEmpty(conversationId), "The widget should keep its conversation id in localStorage.");

        // The new conversation arrives in the open inbox without a reload.
        var row = agent.InboxRows(name);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-testid", $"inbox-row-{conversationId}");
        await Expect(row.GetByTestId("inbox-preview")).ToHaveTextAsync(question);
        Assert.True(await agent.IsSameDocumentAsync(), "The visitor's conversation should reach the inbox live, not through a reload.");

        await row.ClickAsync();
        await Expect(agent.GetByTestId("thread-ready")).ToBeVisibleAsync();
        await Expect(agent.MessageBodies(question)).ToHaveCountAsync(1);

        await visitor.MarkDocumentAsync();
        var answer = $"Yes, from 8 to 12. {Guid.NewGuid():N}";
        await agent.ReplyBox().FillAsync(answer);
        await agent.GetByTestId("reply-send").ClickAsync();

        var reply = visitor.CommittedWidgetMessages(answer);
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply.Locator(".crm-author")).ToHaveTextAsync(WidgetPages.AgentName);
        Assert.True(await visitor.IsSameDocumentAsync(), "The reply should reach the widget live, not through a reload.");

        // A returning visitor: same conversation, whole history, nothing twice.
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("widget-launcher")).ToBeVisibleAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await visitor.WaitUntilOnlineAsync();
        await Expect(visitor.GetByTestId("widget-name")).ToBeHiddenAsync();
        await Expect(visitor.CommittedWidgetMessages(question)).ToHaveCountAsync(1);
        await Expect(visitor.CommittedWidgetMessages(answer)).ToHaveCountAsync(1);
        await Expect(visitor.GetByTestId("widget-message")).ToHaveCountAsync(2);
        await Expect(visitor.GetByTestId("widget-message").First).ToBeVisibleAsync();
        Assert.Equal(conversationId, await visitor.WidgetConversationIdAsync());
        var thread = await crm.GetMessagesAsync(conversationId);
        Assert.Single(thread, m => m.Body == question);
        Assert.Single(thread, m => m.Body == answer);
    }

    [Fact]
    public async Task VisitorOnAPhone_OpensTheChat_PanelFillsTheScreenAndTheInputWorks()
    {
        const int width = 390, height = 844;
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.SetViewportSizeAsync(width, height);
        var name = WidgetPages.UniqueVisitorName("Pia");
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(name);

        var panel = await visitor.Locator(".crm-panel").BoundingBoxAsync();
        Assert.NotNull(panel);
        Assert.Equal((0f, 0f, width, height), ((float)Math.Round(panel.X), (float)Math.Round(panel.Y), (float)Math.Round(panel.Width), (float)Math.Round(panel.Height)));
        var input = visitor.GetByTestId("widget-input");
        await Expect(input).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(visitor.GetByTestId("widget-send")).ToBeInViewportAsync(new() { Ratio = 1 });

        // Tapping the input works: it is on top (not covered by the launcher or the page) and takes text.
        var body = $"Sent from a phone {Guid.NewGuid():N}";
        await input.ClickAsync();
        await input.PressSequentiallyAsync(body);
        await Expect(input).ToHaveValueAsync(body);
        await input.PressAsync("Enter");
        await Expect(visitor.CommittedWidgetMessages(body)).ToHaveCountAsync(1);
        await Expect(input).ToHaveValueAsync("");

        var conversationId = await visitor.WidgetConversationIdAsync();
        Assert.Single(await crm.GetMessagesAsync(conversationId), m => m.Body == body);
        var answer = $"Got it {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, answer);
        await Expect(visitor.CommittedWidgetMessages(answer)).ToBeInViewportAsync();
        await Expect(visitor.CommittedWidgetMessages(answer).Locator(".crm-author")).ToHaveTextAsync(WidgetPages.OtherAgentName);
    }
}
