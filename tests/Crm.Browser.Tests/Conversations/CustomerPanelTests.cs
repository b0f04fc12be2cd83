using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// Beside a thread the agent sees who the customer is (name, email) and every conversation they had, newest first;
/// an earlier one opens from there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerPanelTests(BrowserFixture crm)
{
    [Fact]
    public async Task OpenThread_CustomerChattedBefore_PanelShowsProfileAndHistoryAndOpensTheEarlierChat()
    {
        // A visitor leaves name and email in the widget: that is the customer's profile, and the chat their first conversation.
        var name = WidgetPages.UniqueVisitorName("Lena");
        var email = $"lena.{Guid.NewGuid():N}@example.com";
        var question = $"Can I get a copy of my invoice? {Guid.NewGuid():N}";
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await visitor.GetByTestId("widget-name").FillAsync(name);
        await visitor.GetByTestId("widget-email").FillAsync(email);
        await visitor.GetByTestId("widget-start").ClickAsync();
        await visitor.WaitUntilOnlineAsync();
        await visitor.SendFromWidgetAsync(question);
        var earlierId = await visitor.WidgetConversationIdAsync();
        var customerId = (await crm.OtherAgentClient.GetConversationAsync(earlierId))["customerId"]!.GetValue<string>();
        // Later a teammate opens a second conversation for the same customer.
        var laterId = await crm.OtherAgentClient.OpenConversationForAsync(customerId, name, "Follow-up: invoice address");

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(laterId);

        var panel = page.GetByTestId("customer-panel");
        await Expect(panel.GetByRole(AriaRole.Heading)).ToHaveTextAsync(name);
        await Expect(panel).ToContainTextAsync(email);
        var history = panel.GetByTestId("customer-conversation");
        await Expect(history).ToHaveCountAsync(2);
        // Newest first; the one on screen is not a link to itself.
        await Expect(history.Nth(0)).ToContainTextAsync("Follow-up: invoice address");
        await Expect(history.Nth(0)).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(history.Nth(1)).ToContainTextAsync("Chat");
        await Expect(history.Nth(1)).ToHaveAttributeAsync("href", $"conversations/{earlierId}");

        await history.Nth(1).ClickAsync();

        await Expect(page.MessageBodies(question)).ToHaveCountAsync(1);
        Assert.EndsWith($"/conversations/{earlierId}", page.Url);
        await Expect(history.Nth(1)).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(history.Nth(0)).ToHaveAttributeAsync("href", $"conversations/{laterId}");
    }
}
