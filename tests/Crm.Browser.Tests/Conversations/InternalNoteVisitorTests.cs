using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>An internal note stays with the team: a visitor chatting in the widget never receives it, live or on reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InternalNoteVisitorTests(BrowserFixture crm)
{
    [Fact]
    public async Task AddNote_VisitorHasTheChatOpen_WidgetGetsTheLaterReplyButNeverTheNote()
    {
        await using var visitorContext = await crm.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName());
        await visitor.SendFromWidgetAsync("Can I change my delivery address?");
        var conversationId = await visitor.WidgetConversationIdAsync();

        await using var agentContext = await crm.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.OpenThreadAsync(conversationId);
        var secret = $"Customer flagged for fraud review {Guid.NewGuid():N}";
        await agent.AddNoteAsync(secret);
        var reply = $"Yes, tell me the new one {Guid.NewGuid():N}";
        await agent.SendReplyAsync(reply);

        // The reply was pushed after the note: once it is there, the note would have been too.
        await Expect(visitor.CommittedWidgetMessages(reply)).ToHaveCountAsync(1);
        await Expect(visitor.WidgetMessages(secret)).ToHaveCountAsync(0);

        // A returning visitor reads the thread from the server: still no note.
        await visitor.ReloadAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await visitor.WaitUntilOnlineAsync();
        await Expect(visitor.CommittedWidgetMessages(reply)).ToHaveCountAsync(1);
        await Expect(visitor.WidgetMessages(secret)).ToHaveCountAsync(0);
        Assert.Contains(await crm.OtherAgentClient.GetThreadAsync(conversationId), m => m!["body"]!.GetValue<string>() == secret);
    }
}
