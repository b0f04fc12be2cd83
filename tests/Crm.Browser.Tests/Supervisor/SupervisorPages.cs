using System.Net.Http.Json;
using Crm.Testing.Hosts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Supervisor;

/// <summary>What a supervisor does on the live board and in a monitored thread, by the pages' data-testid attributes.</summary>
public static class SupervisorPages
{
    /// <summary>The demo workspace's queue (Crm.Web's DemoData); manual, so its work waits until someone assigns it.</summary>
    public const string Queue = "support";

    public static async Task OpenBoardAsync(this IPage page)
    {
        await page.GotoAsync("supervisor");
        await Expect(page.GetByTestId("board-ready")).ToBeVisibleAsync();
    }

    public static ILocator QueueCard(this IPage page, string queueId = Queue) => page.GetByTestId($"queue-{queueId}");

    public static async Task<int> WaitingCountAsync(this IPage page, string queueId = Queue) =>
        int.Parse(await page.QueueCard(queueId).GetByTestId("queue-waiting").InnerTextAsync());

    public static async Task OpenMonitorAsync(this IPage page, string conversationId)
    {
        await page.GotoAsync($"conversations/{conversationId}?monitor=1");
        await Expect(page.GetByTestId("monitoring")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
    }

    public static async Task WhisperAsync(this IPage page, string body)
    {
        var box = page.Locator("input[data-testid=whisper-box], [data-testid=whisper-box] input").First;
        await box.FillAsync(body);
        await Expect(page.GetByTestId("whisper-send")).ToBeEnabledAsync();
        await page.GetByTestId("whisper-send").ClickAsync();
        await Expect(box).ToHaveValueAsync("");
    }

    /// <summary>Opens a conversation over REST that waits in <paramref name="queueId"/>, and returns its id.</summary>
    public static async Task<string> OpenQueuedConversationAsync(this ConsoleClient client, string subject, string queueId = Queue)
    {
        var conversationId = $"browser-{Guid.NewGuid():N}";
        using var response = await client.Http.PostAsJsonAsync("api/conversations",
            new { conversationId, customerId = "tom", customerName = "Tom Becker", subject, queueId });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Opening {conversationId} in {queueId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return conversationId;
    }
}
