using Crm.Browser.Tests.Hosting;
using Crm.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>A reply typed in the reply box is committed once, with the next sequence number, and shown once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentReplyTests(BrowserFixture crm)
{
    [Fact]
    public Task ClickSend_ReplyTyped_AppearsOnceWithNextSeq() =>
        ReplyAsync((_, send) => send.ClickAsync());

    [Fact]
    public Task PressEnter_ReplyTyped_AppearsOnceWithNextSeq() =>
        ReplyAsync((box, _) => box.PressAsync("Enter"));

    private async Task ReplyAsync(Func<ILocator, ILocator, Task> submit)
    {
        var conversationId = await crm.OpenConversationAsync("Reply once");
        await crm.PostAsOtherAgentAsync(conversationId, "An earlier note from another agent.");
        var lastSeq = (await crm.GetMessagesAsync(conversationId)).Max(m => m.Seq);

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(conversationId);

        var body = $"Thanks, fixed on our side ({Guid.NewGuid():N}).";
        // MudTextField puts the test id on the <textarea> itself today; a wrapper holding it would work as well.
        var box = page.Locator(
            "textarea[data-testid=reply-box], input[data-testid=reply-box], [data-testid=reply-box] textarea, [data-testid=reply-box] input").First;
        var send = page.GetByTestId("reply-send");
        await box.FillAsync(body);
        await Expect(send).ToBeEnabledAsync();
        await submit(box, send);

        var committed = await Eventually.ReturnsAsync(
            () => crm.GetMessagesAsync(conversationId),
            messages => messages.Any(m => m.Body == body),
            $"the reply to be committed in {conversationId}");
        Assert.Equal(lastSeq + 1, Assert.Single(committed, m => m.Body == body).Seq);

        // A later push that has arrived means any duplicate push of the reply, sent before it, has arrived too.
        var marker = $"marker {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, marker);
        await Expect(page.MessageBodies(marker)).ToHaveCountAsync(1);

        await Expect(page.MessageBodies(body)).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("message").Filter(new() { HasTextString = body })).ToHaveAttributeAsync("data-seq", (lastSeq + 1).ToString());
        await Expect(box).ToHaveValueAsync("");
    }
}
