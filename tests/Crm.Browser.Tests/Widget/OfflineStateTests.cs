using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// The widget tells visitors the truth: away when no agent has a console open, available as soon as one signs in,
/// and away again once the last console closed and the grace passed; all without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineStateTests(BrowserFixture crm)
{
    // Consoles that earlier tests closed are Offline after the grace (8 s) and a sweep (2 s); this leaves room for that.
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilGraceEnds = new() { Timeout = 40_000 };

    [Fact]
    public async Task DemoSite_NoAgentThenAgentSignsInThenLeaves_WidgetSwitchesLiveBetweenAwayAndAvailable()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        var status = visitor.GetByTestId("widget-status");

        await Expect(status).ToHaveAttributeAsync("data-available", "false", UntilGraceEnds);
        await Expect(status).ToContainTextAsync("away right now");
        await Expect(visitor.GetByTestId("widget-intro")).ToContainTextAsync("reply by email");
        await visitor.MarkDocumentAsync();

        var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await Expect(agent.GetByTestId("presence-status")).ToHaveAttributeAsync("data-status", "online");

        await Expect(status).ToHaveAttributeAsync("data-available", "true");
        await Expect(status).ToContainTextAsync("We're online");
        Assert.True(await visitor.IsSameDocumentAsync(), "The widget should switch to available live, not through a reload.");

        // The agent's only console closes: after the grace the widget says so, still without a reload.
        await agentContext.DisposeAsync();
        await Expect(status).ToHaveAttributeAsync("data-available", "false", UntilGraceEnds);
        Assert.True(await visitor.IsSameDocumentAsync(), "The widget should switch back to away live.");
    }

    [Fact]
    public async Task DemoSite_NoAgentAvailable_VisitorsMessageStillLandsInTheInbox()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var name = WidgetPages.UniqueVisitorName("Offline");
        var question = $"Are you open on Monday? {Guid.NewGuid():N}";
        await visitor.OpenDemoSiteAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await Expect(visitor.GetByTestId("widget-status")).ToHaveAttributeAsync("data-available", "false", UntilGraceEnds);

        await visitor.GetByTestId("widget-name").FillAsync(name);
        // Nobody is online, so the reply will come by email: without one the chat does not start.
        await visitor.GetByTestId("widget-start").ClickAsync();
        await Expect(visitor.GetByTestId("widget-email")).ToHaveJSPropertyAsync("validity.valueMissing", true);
        await Expect(visitor.GetByTestId("widget-input")).ToBeHiddenAsync();
        await visitor.GetByTestId("widget-email").FillAsync("offline.visitor@example.com");
        await visitor.GetByTestId("widget-start").ClickAsync();
        await visitor.WaitUntilOnlineAsync();
        await visitor.SendFromWidgetAsync(question);

        await Crm.Testing.Eventually.ReturnsAsync(
            () => crm.OtherAgentClient.Http.GetStringAsync("api/conversations?limit=1000"),
            inbox => inbox.Contains(name), $"{name}'s conversation in the team's inbox");
    }
}
