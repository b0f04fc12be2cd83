using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// A visitor is one visitor, however fast they click. Opening the panel asks for a session (to watch availability);
/// starting the chat before that answer came used to ask for a second one. The server makes a new visitor for each
/// request without a token, and the later answer wiped the conversation the widget had just chosen, so the visitor's
/// first message sat in the outbox, "sending…", for good (a fresh-clone CI run failed on it).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetSessionTests(BrowserFixture crm)
{
    [Fact]
    public async Task VisitorStartsTheChatBeforeTheSessionAnswered_OneSessionAndTheMessageLands()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var sessionRequests = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first session request (the panel's) is held until the visitor has clicked Start; any other passes.
        await visitor.RouteAsync("**/api/widget/sessions", async route =>
        {
            if (Interlocked.Increment(ref sessionRequests) == 1) await started.Task;
            await route.ContinueAsync();
        });
        await visitor.OpenDemoSiteAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await visitor.GetByTestId("widget-name").FillAsync(WidgetPages.UniqueVisitorName("Quick"));
        await visitor.GetByTestId("widget-email").FillAsync($"{Guid.NewGuid():n}@example.com");

        await visitor.GetByTestId("widget-start").ClickAsync();
        started.SetResult();
        await visitor.WaitUntilOnlineAsync();
        var question = $"Do you ship to Norway? {Guid.NewGuid():N}";
        await visitor.SendFromWidgetAsync(question);

        Assert.Equal(1, Volatile.Read(ref sessionRequests));
        var conversationId = await visitor.WidgetConversationIdAsync();
        var thread = await crm.OtherAgentClient.GetThreadAsync(conversationId);
        Assert.Contains(thread, m => m!["body"]!.GetValue<string>() == question);
    }
}
