using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// An internal note that @mentions a teammate tells that teammate at once, wherever they are in the console, and the
/// note reads as a note: marked and styled apart from what the customer sees.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InternalNoteMentionTests(BrowserFixture crm)
{
    [Fact]
    public async Task AddNote_MentionsATeammateOnTheInbox_TeammateIsNotifiedLiveAndOpensTheConversation()
    {
        var conversationId = await crm.OpenConversationAsync("Needs a second pair of eyes");
        var customerFacing = $"We are looking into it {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, customerFacing);

        await using var joContext = await crm.NewContextAsync();
        var jo = await joContext.NewPageAsync();
        await jo.SignInAsync(BrowserFixture.OtherAgent);
        await jo.MarkDocumentAsync();
        await using var alexContext = await crm.NewContextAsync();
        var alex = await alexContext.NewPageAsync();
        await alex.SignInAsync(BrowserFixture.Agent);
        await alex.OpenThreadAsync(conversationId);

        var marker = Guid.NewGuid().ToString("N");
        var body = $"@jo can you check the VAT rules here? {marker}";
        await alex.AddNoteAsync(body);

        // Jo, on the inbox, is told without a reload.
        var notification = jo.Snackbars(marker);
        await Expect(notification).ToHaveCountAsync(1);
        await Expect(notification).ToContainTextAsync($"{WidgetPages.AgentName} mentioned you: {body}");
        Assert.True(await jo.IsSameDocumentAsync(), "The mention should arrive over the live circuit, not through a reload.");

        // The note reads as a note for its author: marked, and not styled like the public message above it.
        var note = alex.GetByTestId("note").Filter(new() { HasTextString = marker });
        await Expect(note).ToHaveCountAsync(1);
        await Expect(note).ToContainTextAsync($"{WidgetPages.AgentName} · internal note");
        await Expect(note).ToHaveCSSAsync("border-top-style", "dashed");
        var message = alex.GetByTestId("message").Filter(new() { HasTextString = customerFacing });
        await Expect(message).ToHaveCSSAsync("border-top-style", "solid");
        Assert.NotEqual(await BackgroundAsync(message), await BackgroundAsync(note));
        // The author mentioned someone else: no toast for them.
        await Expect(alex.Snackbars(marker)).ToHaveCountAsync(0);

        // The notification's action takes Jo to the conversation, where the note is a note too.
        await notification.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(jo.GetByTestId("thread-ready")).ToBeVisibleAsync();
        Assert.EndsWith($"/conversations/{conversationId}", jo.Url);
        await Expect(jo.GetByTestId("note").Filter(new() { HasTextString = marker })).ToHaveCountAsync(1);

        var committed = (await crm.OtherAgentClient.GetThreadAsync(conversationId))[^1]!;
        Assert.Equal(("note", body), (committed["kind"]!.GetValue<string>(), committed["body"]!.GetValue<string>()));
        Assert.Equal(["jo"], committed["mentions"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    private static Task<string> BackgroundAsync(Microsoft.Playwright.ILocator bubble) =>
        bubble.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
