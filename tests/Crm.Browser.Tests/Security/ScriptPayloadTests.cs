using System.Net.Http.Json;
using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Security;

/// <summary>
/// Script payloads in every field a person types — a visitor's name and message, a conversation's customer name and
/// subject, an agent's reply and internal note, a canned response's title and body — render as inert text on every
/// screen that shows them: the inbox, the conversation, the customer panel, the canned responses page and the widget.
/// Inert means both that no element of the payload exists in the page and that its handler never ran.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScriptPayloadTests(BrowserFixture crm)
{
    /// <summary>Records what ran, before any page script; a payload that became an element would also carry data-xss.</summary>
    private const string Tripwire = "window.__xss = [];";

    /// <summary>Under 100 characters, so it fits the shortest field (a canned response's title).</summary>
    private static string Payload(string field) =>
        $"<img src=x data-xss={field} onerror=__xss.push('{field}')><script>__xss.push('{field}!')</script>{field}";

    [Fact]
    public async Task ScriptPayloads_InEveryTypedField_RenderAsTextOnEveryScreen()
    {
        var subject = Payload("xsu");
        var customer = Payload("xcu");
        var reply = Payload("xre");
        var note = Payload("xno");
        var cannedTitle = Payload("xct");
        var cannedBody = Payload("xcb");
        var shortcut = $"xss{Guid.NewGuid():N}"[..12];
        var agent = crm.OtherAgentClient;
        var conversationId = await agent.OpenConversationForAsync($"xss-{Guid.NewGuid():N}"[..20], customer, subject);
        await crm.PostAsOtherAgentAsync(conversationId, reply);
        using (var posted = await agent.Http.PostAsJsonAsync($"api/conversations/{conversationId}/notes", new { clientMessageId = Guid.NewGuid(), body = note }))
            posted.EnsureSuccessStatusCode();
        await crm.SupervisorClient.SaveCannedResponseAsync(shortcut, cannedTitle, cannedBody);

        await using var visitorContext = await NewTrippedContextAsync();
        var site = await visitorContext.NewPageAsync();
        var visitorName = Payload("xvn");
        var visitorMessage = Payload("xvm");
        await site.OpenDemoSiteAsync();
        await site.StartChatAsync(visitorName);
        await site.SendFromWidgetAsync(visitorMessage);
        var visitorConversation = await site.WidgetConversationIdAsync();
        var agentReplyToVisitor = Payload("xrv");
        await crm.PostAsOtherAgentAsync(visitorConversation, agentReplyToVisitor);
        await Expect(site.CommittedWidgetMessages("xrv")).ToHaveCountAsync(1);
        await AssertInertAsync(site, "the widget", visitorMessage, agentReplyToVisitor);

        await using var consoleContext = await NewTrippedContextAsync();
        var console = await consoleContext.NewPageAsync();
        await console.SignInAsync(BrowserFixture.Agent);
        await Expect(console.InboxRow(conversationId)).ToBeVisibleAsync();
        await Expect(console.InboxRow(visitorConversation)).ToBeVisibleAsync();
        await AssertInertAsync(console, "the inbox", customer, subject);

        await console.OpenThreadAsync(conversationId);
        await AssertInertAsync(console, "the conversation", customer, reply, note);
        await console.OpenThreadAsync(visitorConversation);
        await AssertInertAsync(console, "the visitor's conversation", visitorMessage, agentReplyToVisitor);

        await using var supervisorContext = await NewTrippedContextAsync();
        var settings = await supervisorContext.NewPageAsync();
        await settings.SignInAsync(BrowserFixture.Supervisor);
        await settings.GotoAsync("settings/canned-responses");
        await AssertInertAsync(settings, "the canned responses page", cannedTitle, cannedBody);
    }

    private async Task<IBrowserContext> NewTrippedContextAsync()
    {
        var context = await crm.NewContextAsync();
        await context.AddInitScriptAsync(Tripwire);
        return context;
    }

    /// <summary>Each payload is on the page as its literal text; none of it became markup, and nothing of it ran.</summary>
    private static async Task AssertInertAsync(IPage page, string where, params string[] payloads)
    {
        foreach (var payload in payloads)
            await Expect(page.GetByText(payload, new() { Exact = false }).First).ToBeVisibleAsync();
        var elements = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-xss]')].map(e => e.getAttribute('data-xss'))");
        var ran = await page.EvaluateAsync<string[]>("() => window.__xss || []");
        Assert.True(elements.Length == 0 && ran.Length == 0,
            $"On {where}: payload elements [{string.Join(", ", elements)}], handlers that ran [{string.Join(", ", ran)}]");
    }
}
