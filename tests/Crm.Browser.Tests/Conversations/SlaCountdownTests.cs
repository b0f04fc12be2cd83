using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// An SLA target shows as a countdown that runs on screen without a reload, in the inbox row and on the conversation,
/// and turns into "SLA breached" once the due time passed and the breach was recorded. The workspace gets a target of
/// seconds (urgent first response, always open) for the test's own urgent conversation, and its settings back after.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaCountdownTests(BrowserFixture crm)
{
    private const string Admin = "admin@demo.crm";
    private static readonly TimeSpan FirstResponse = TimeSpan.FromSeconds(30);
    private static readonly Regex Seconds = new(@"^SLA 0:\d\d$");

    [Fact]
    public async Task UrgentConversation_TargetOfSeconds_CountdownRunsLiveThenShowsBreached()
    {
        using var admin = await ConsoleClient.SignInAsync(crm.BaseAddress, Admin);
        var original = JsonNode.Parse(await admin.Http.GetStringAsync("api/workspace/sla"))!;
        await admin.PutAsync("api/workspace/sla", new { calendar = AlwaysOpen(), policy = WithUrgentFirstResponse(original["policy"]!, FirstResponse) });
        try
        {
            var conversationId = await crm.OpenConversationAsync("Checkout is down");
            await crm.OtherAgentClient.SetPriorityAsync(conversationId, "urgent");

            await using var context = await crm.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.SignInAsync(BrowserFixture.Agent);
            await page.MarkDocumentAsync();

            // The inbox row counts down by itself.
            var row = page.InboxRow(conversationId).GetByTestId("inbox-sla");
            await Expect(row).ToHaveTextAsync(Seconds);
            await Expect(row).Not.ToHaveTextAsync((await row.TextContentAsync())!);
            Assert.True(await page.IsSameDocumentAsync(), "The countdown should run in place, not through a reload.");

            // So does the conversation's header, until the breach is recorded and shown.
            await page.InboxRow(conversationId).ClickAsync();
            var header = page.GetByTestId("conversation-sla");
            await Expect(header).ToHaveTextAsync(Seconds);
            await Expect(header).Not.ToHaveTextAsync((await header.TextContentAsync())!);
            await page.MarkDocumentAsync();
            await Expect(header).ToHaveTextAsync("SLA breached", new() { Timeout = 60_000 });
            await Expect(header).ToHaveAttributeAsync("data-state", "breached");
            Assert.True(await page.IsSameDocumentAsync(), "The breach should arrive over the live circuit, not through a reload.");
            Assert.True((await crm.OtherAgentClient.GetConversationAsync(conversationId))["slaBreached"]!.GetValue<bool>());

            await page.BackToInboxAsync();
            await Expect(row).ToHaveTextAsync("SLA breached");
        }
        finally
        {
            await admin.PutAsync("api/workspace/sla", new { calendar = original["calendar"], policy = original["policy"] });
        }
    }

    /// <summary>Open every day around the clock in UTC, so the seconds count whatever day and hour the test runs.</summary>
    private static object AlwaysOpen() => new
    {
        timeZoneId = "UTC",
        openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString().ToLowerInvariant(), opens = "00:00:00", closes = "00:00:00" }),
        holidays = Array.Empty<string>(),
    };

    /// <summary>The workspace's policy with the urgent first-response target replaced.</summary>
    private static JsonNode WithUrgentFirstResponse(JsonNode policy, TimeSpan target)
    {
        var changed = policy.DeepClone();
        var urgent = changed["targets"]!.AsArray().Single(t => t!["priority"]!.GetValue<string>() == "urgent")!;
        urgent["firstResponse"] = target.ToString("c");
        return changed;
    }
}
