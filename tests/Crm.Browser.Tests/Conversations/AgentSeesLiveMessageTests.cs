using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>What another agent posts shows up in an open thread and in the inbox, pushed over the circuit, no reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentSeesLiveMessageTests(BrowserFixture crm)
{
    [Fact]
    public async Task OpenThread_AnotherAgentPosts_MessageAppearsWithoutReload()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);

        await page.GetByTestId("inbox-row-invoice-tom").ClickAsync();
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        Assert.EndsWith("/conversations/invoice-tom", page.Url);
        await page.MarkDocumentAsync();

        var body = $"Reissued with the new VAT number ({Guid.NewGuid():N})";
        var posted = await crm.PostAsOtherAgentAsync("invoice-tom", body);

        var bubble = page.GetByTestId("message").Filter(new() { HasTextString = body });
        await Expect(bubble).ToHaveCountAsync(1);
        await Expect(bubble).ToHaveAttributeAsync("data-seq", posted.Seq.ToString());
        Assert.True(await page.IsSameDocumentAsync(), "The message should arrive over the live circuit, not through a reload.");
    }

    [Fact]
    public async Task Inbox_MessagePostedToAConversation_RowPreviewUpdatesLive()
    {
        var conversationId = await crm.OpenConversationAsync("Preview goes live");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        // The row may be in the first read or arrive live: either way it is there before the post.
        var preview = page.GetByTestId($"inbox-row-{conversationId}").GetByTestId("inbox-preview");
        await Expect(preview).ToBeAttachedAsync();
        await page.MarkDocumentAsync();

        var body = $"Any news on my ticket? {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, body);

        await Expect(preview).ToHaveTextAsync(body);
        Assert.True(await page.IsSameDocumentAsync(), "The preview should update over the live circuit, not through a reload.");
    }
}
